package io.smartlb.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlb.core.WorkerSnapshot;
import io.smartlb.core.WorkerState;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

final class BalancerReadinessTest {

    @Test
    void response_servingWorkers_isUpWithOneEntryPerWorker() {
        HealthCheckResponse response = BalancerReadiness.response(
                List.of(worker(0, "m1", WorkerState.BUSY), worker(1, null, WorkerState.IDLE)), false, true, "affinity", 3);

        assertThat(response.getName()).isEqualTo("balancer");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(data(response))
                .containsEntry("worker-0", "m1")
                .containsEntry("worker-1", "none")
                .containsEntry("strategy", "affinity")
                .containsEntry("queued", 3L);
    }

    @Test
    void response_draining_isDown() {
        HealthCheckResponse response = BalancerReadiness.response(
                List.of(worker(0, "m1", WorkerState.IDLE)), true, true, "fifo", 0);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(data(response)).containsEntry("draining", true);
    }

    @Test
    void response_everyWorkerDown_isDown() {
        HealthCheckResponse response = BalancerReadiness.response(
                List.of(worker(0, null, WorkerState.DOWN), worker(1, null, WorkerState.DOWN)), false, true, "fifo", 5);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(data(response)).containsEntry("worker-0", "down").containsEntry("worker-1", "down");
    }

    @Test
    void response_oneWorkerDown_isUpAndShowsIt() {
        HealthCheckResponse response = BalancerReadiness.response(
                List.of(worker(0, "m1", WorkerState.DOWN), worker(1, "m2", WorkerState.IDLE)), false, true, "fifo", 0);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(data(response)).containsEntry("worker-0", "down").containsEntry("worker-1", "m2");
    }

    @Test
    void response_beforeAnyWorkerPassedAProbe_isDownAndSaysSo() {
        HealthCheckResponse response = BalancerReadiness.response(
                List.of(worker(0, null, WorkerState.IDLE)), false, false, "adaptive", 0);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(data(response)).containsEntry("probed", false).containsEntry("worker-0", "none");
    }

    private static WorkerSnapshot worker(int id, String model, WorkerState state) {
        return new WorkerSnapshot(id, model, state, null, 0, 0, 0, 0);
    }

    private static Map<String, Object> data(HealthCheckResponse response) {
        return response.getData().orElseThrow();
    }
}
