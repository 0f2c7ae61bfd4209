package io.smartlb.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlb.core.WorkerSnapshot;
import io.smartlb.core.WorkerState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the worker gauges count. */
final class WorkerGaugesTest {

    private static WorkerSnapshot worker(int id, WorkerState state, Long jobId) {
        return new WorkerSnapshot(id, "m1", state, jobId, 0, 0, 0, 0);
    }

    @Test
    void busy_countsRunningJobs_evenOnAWorkerTakenOutOfService() {
        List<WorkerSnapshot> workers = List.of(worker(0, WorkerState.BUSY, 7L), worker(1, WorkerState.DOWN, 8L),
                worker(2, WorkerState.IDLE, null), worker(3, WorkerState.DOWN, null));

        assertThat(BalancerMetrics.busy(workers)).isEqualTo(2);
        assertThat(BalancerMetrics.down(workers)).isEqualTo(2);
    }
}
