package io.smartlb.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartlb.core.Decision;
import io.smartlb.core.Job;
import io.smartlb.core.JobCost;
import io.smartlb.core.Strategy;
import io.smartlb.core.Waiting;
import io.smartlb.core.WorkerView;
import io.smartlb.core.Workers;
import io.smartlb.core.strategy.StrategyCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SimulatorTest {

    private static final Trace SEED = TestTraces.inline("0,m1,5000,10,0", "0,m2,5000,10,0", "0,m1,5000,10,0",
            "0,m2,5000,10,0", "0,m1,5000,10,0", "0,m2,5000,10,0");

    @Test
    void simulate_seedExample_affinityGroups() {
        // m1 m2 m1 m2 m1 m2 on 1 worker, load 5 s, job 10 ms: affinity runs m1 m1 m1 m2 m2 m2
        // -> 2 loads, 2 * 5 s + 6 * 10 ms = 10.06 s
        SimulationReport report = run(SEED, 1, "affinity");

        assertThat(report.switches()).isEqualTo(2);
        assertThat(report.makespanMs()).isEqualTo(10_060);
    }

    @Test
    void simulate_seedExample_fifoSwitchesEveryJob() {
        // arrival order m1 m2 m1 m2 m1 m2 -> 6 loads, 6 * 5.01 s = 30.06 s
        SimulationReport report = run(SEED, 1, "fifo");

        assertThat(report.switches()).isEqualTo(6);
        assertThat(report.makespanMs()).isEqualTo(30_060);
    }

    @Test
    void simulate_figures_measuredFromFirstArrival() {
        // both at 100 ms on 1 worker: job 1 runs 100..160 (load 50 + 10), job 2 160..170
        // waits 0, 60 -> mean 30, p50 0, p99 60; latencies 60, 70; makespan 170 - 100 = 70
        SimulationReport report = run(TestTraces.inline("100,m1,50,10,0", "100,m1,50,10,0"), 1, "fifo");

        assertThat(report.jobs()).isEqualTo(2);
        assertThat(report.switches()).isEqualTo(1);
        assertThat(report.makespanMs()).isEqualTo(70);
        assertThat(report.waitMs()).isEqualTo(new Summary(30, 0, 60, 60));
        assertThat(report.latencyMs()).isEqualTo(new Summary(65, 60, 70, 70));
        assertThat(report.trace()).isEqualTo("inline.csv");
        assertThat(report.strategy()).isEqualTo("fifo");
        assertThat(report.workers()).isEqualTo(1);
    }

    @Test
    void simulate_arrivalAtFinishTime_isHandledBeforeTheCompletion() {
        // A (m1) runs 0..15 (load 5 + 10); B (m2) and C (m1) arrive at 15, when A finishes.
        // Arrivals first: the free worker sees B and C and affinity keeps m1: C 15..16, B 16..22
        // -> 2 loads. Completion first would hand the idle worker B alone -> 3 loads.
        Trace trace = TestTraces.inline("0,m1,5,10,0", "15,m2,5,1,0", "15,m1,5,1,0");

        SimulationReport report = run(trace, 1, "affinity");

        assertThat(report.switches()).isEqualTo(2);
        assertThat(report.makespanMs()).isEqualTo(22);
    }

    @Test
    void simulate_simultaneousFinishes_lowerWorkerIdAsksFirst() {
        // m1 -> worker 0, m2 -> worker 1 (first free empty one), both 0..10; a second m2 job waits.
        // At 10 worker 0 asks first and fifo hands it the m2 job -> 3 loads (worker 1 first: 2).
        Trace trace = TestTraces.inline("0,m1,0,10,0", "0,m2,0,10,0", "5,m2,0,10,0");

        assertThat(run(trace, 2, "fifo").switches()).isEqualTo(3);
    }

    @Test
    void simulate_priority_headStartRunsEarlier() {
        // a runs 0..10; b arrives at 1, c at 2 with 5 s head start (effective -4998 ms) -> c 10..20, b 20..30
        // waits a 0, c 8, b 19 -> mean 9, max 19; without the head start b waits 9, c 18
        SimulationReport withHeadStart = run(TestTraces.inline("0,a,0,10,0", "1,b,0,10,0", "2,c,0,10,5"), 1, "fifo");
        SimulationReport without = run(TestTraces.inline("0,a,0,10,0", "1,b,0,10,0", "2,c,0,10,0"), 1, "fifo");

        assertThat(withHeadStart.waitMs()).isEqualTo(new Summary(9, 8, 19, 19));
        assertThat(without.waitMs()).isEqualTo(new Summary(9, 9, 18, 18));
    }

    @Test
    void simulate_completion_observedWithVirtualCosts() {
        // job 1 loads m1 (5 s) and runs 10 ms; job 2 keeps m1 and runs 20 ms; costs in nanos
        Recording strategy = new Recording(StrategyCatalog.create("fifo", StrategyCatalog.Settings.defaults()));

        new Simulator(TestTraces.inline("0,m1,5000,10,0", "0,m1,5000,20,0"), 1).run("recording", strategy);

        assertThat(strategy.observed).containsExactly("m1 5000000000 10000000", "m1 0 20000000");
    }

    @Test
    void simulate_arrivals_reportedAtTheirVirtualTimes() {
        Recording strategy = new Recording(StrategyCatalog.create("fifo", StrategyCatalog.Settings.defaults()));

        new Simulator(TestTraces.inline("0,m1,5000,10,0", "250,m2,5000,10,0", "250,m1,5000,10,0"), 1).run("recording", strategy);

        assertThat(strategy.arrived).containsExactly("m1 at 0", "m2 at 250000000", "m1 at 250000000");
    }

    @Test
    void simulate_strategyThatNeverPicks_failsLoudly() {
        Strategy idle = (worker, waiting, workers, now) -> Decision.idle("never");

        assertThatThrownBy(() -> new Simulator(TestTraces.inline("0,m1,1,1,0", "0,m2,1,1,0"), 1).run("idle", idle))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("2 jobs still wait with every worker idle");
    }

    @Test
    void simulate_twoRunsWithFreshStrategies_agree() {
        Simulator simulator = new Simulator(SEED, 1);

        SimulationReport first = simulator.run("affinity", StrategyCatalog.create("affinity", StrategyCatalog.Settings.defaults()));
        SimulationReport second = simulator.run("affinity", StrategyCatalog.create("affinity", StrategyCatalog.Settings.defaults()));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void simulate_idleWorkersAtStart_firstArrivalTakesWorkerZero() {
        // one job on 3 workers: it loads once; the bounds say the same
        SimulationReport report = run(TestTraces.inline("0,m1,100,10,0"), 3, "affinity");

        assertThat(report.switches()).isEqualTo(report.bounds().switches()).isEqualTo(1);
        assertThat(report.makespanMs()).isEqualTo(report.bounds().makespanMs()).isEqualTo(110);
    }

    private static SimulationReport run(Trace trace, int workers, String strategy) {
        return new Simulator(trace, workers).run(strategy, StrategyCatalog.create(strategy, StrategyCatalog.Settings.defaults()));
    }

    /** Delegates decisions and records what it observes. */
    private static final class Recording implements Strategy {
        final List<String> observed = new ArrayList<>();
        final List<String> arrived = new ArrayList<>();
        private final Strategy delegate;

        Recording(Strategy delegate) {
            this.delegate = delegate;
        }

        @Override
        public Decision next(WorkerView worker, Waiting waiting, Workers workers, long nowNanos) {
            return delegate.next(worker, waiting, workers, nowNanos);
        }

        @Override
        public void observe(JobCost cost) {
            observed.add(cost.model() + " " + cost.loadNanos() + " " + cost.processNanos());
        }

        @Override
        public void arrived(Job<?> job, long nowNanos) {
            arrived.add(job.model() + " at " + nowNanos);
        }
    }
}
