package io.smartlb.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlb.core.strategy.Adaptive;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The adaptive strategy replayed in virtual time: issue 5's exact targets and the wait bound. */
final class AdaptiveSimulationTest {

    private static SimulationReport run(Trace trace, int workers, Adaptive adaptive) {
        return new Simulator(trace, workers).run("adaptive", adaptive);
    }

    @Test
    void seedExample_loadsAndMakespanAtTheLowerBound() throws Exception {
        Trace trace = TraceReader.read(TestTraces.shared("seed-example.csv"));
        SimulationReport report = run(trace, 1, new Adaptive());
        assertThat(report.switches()).isEqualTo(2);
        assertThat(report.makespanMs()).isEqualTo(10_060);
    }

    @Test
    void burst_loadsAtTheLowerBoundAndMakespanWithin2Percent() throws Exception {
        Trace trace = TraceReader.read(TestTraces.shared("burst.csv"));
        SimulationReport report = run(trace, 4, new Adaptive());
        assertThat(report.switches()).isEqualTo(report.bounds().switches());
        assertThat(report.makespanMs()).isLessThanOrEqualTo((long) (1.02 * report.bounds().makespanMs()));
    }

    @Test
    void maxWait_coldJobBehindAHotStream_startsOnceOverdue() {
        // one worker streams m1 (a job every 100 ms, 100 ms each) from t=0; m2 arrives at 1 s.
        // exhaustive service alone would keep m1 for the whole 60 s stream; with max-wait 5 s,
        // m2 starts once it has waited 5 s, at the first completion after t=6 s
        StringBuilder rows = new StringBuilder();
        for (int t = 0; t < 60_000; t += 100) {
            rows.append(t).append(",m1,1000,100,0\n");
            if (t == 1_000) {
                rows.append(t).append(",m2,1000,100,0\n");
            }
        }
        Trace trace = TestTraces.inline(rows.toString().strip().split("\n"));
        SimulationReport bounded = run(trace, 1,
                new Adaptive(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMillis(100)));
        SimulationReport unbounded = run(trace, 1,
                new Adaptive(Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofMillis(100)));
        assertThat(unbounded.waitMs().max()).isGreaterThan(50_000);
        // m2 waits 5 s plus at most the job running then; m1's jobs then wait out m2's load and job
        assertThat(bounded.waitMs().max()).isLessThan(7_000);
    }

    @Test
    void maxWait_highPriorityJob_doesNotSwitchTheBoundOff() {
        // one worker, 300 m1 jobs at t=0 (29.7 s of work) and then one every 100 ms, 99 ms each,
        // to t=200 s: m1's queue never empties, so only the bound brings m2 and m3 in. m3's head
        // start of 130 s makes it twice max-wait old on arrival; that must not pass for overload
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            rows.append("0,m1,5000,99,0\n");
        }
        for (int t = 100; t <= 200_000; t += 100) {
            rows.append(t).append(",m1,5000,99,0\n");
            if (t == 500) {
                rows.append("500,m3,5000,10,130\n");
            } else if (t == 1_000) {
                rows.append("1000,m2,5000,10,0\n");
            }
        }
        Trace trace = TestTraces.inline(rows.toString().strip().split("\n"));
        SimulationReport report = run(trace, 1,
                new Adaptive(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMillis(100)));
        // m3 goes first (overdue on arrival), then m2 once it has waited 60 s, after the job running then
        assertThat(report.waitMs().max()).isLessThan(61_000);
    }

    @Test
    void maxWait_overdueJobOfAModelABusyWorkerHolds_isTakenByAFreeWorker() {
        // worker A runs one 200 s job of m2 from t=0; worker B streams m1 (a 900 ms job every
        // second). The second m2 job, at 2 s, must not wait for A: B takes it once it is overdue
        StringBuilder rows = new StringBuilder("0,m2,5000,200000,0\n");
        for (int t = 0; t <= 250_000; t += 1_000) {
            rows.append(t).append(",m1,5000,900,0\n");
            if (t == 2_000) {
                rows.append("2000,m2,5000,10,0\n");
            }
        }
        Trace trace = TestTraces.inline(rows.toString().strip().split("\n"));
        SimulationReport report = run(trace, 2,
                new Adaptive(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMillis(100)));
        // overdue at 62 s; B frees up within its 900 ms job
        assertThat(report.waitMs().max()).isLessThan(62_000);
    }

    @Test
    void maxWait_aWorkerIdleWhenTheJobArrived_isAskedAgainOnceItIsOverdue() {
        // worker A runs one 200 s job of m2 from t=0; B serves 1,000 jobs of c in the first 5 s and
        // is idle when a second m2 job comes at 60 s. Nothing arrives or ends after that until A's
        // job ends at 205 s: only the time the strategy gave brings B back
        StringBuilder rows = new StringBuilder("0,m2,5000,200000,0\n");
        for (int i = 0; i < 1000; i++) {
            rows.append(i * 5).append(",c,5000,10,0\n");
        }
        rows.append("60000,m2,5000,10,0");
        Trace trace = TestTraces.inline(rows.toString().split("\n"));
        SimulationReport report = run(trace, 2,
                new Adaptive(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMillis(100)));
        // overdue at 70 s, when A has been on its job for 70 s > max-wait: B takes it then
        assertThat(report.waitMs().max()).isLessThanOrEqualTo(10_001);
    }

    @Test
    void maxWait_anIdleWorkerIsAskedAgainWhenAnOverloadPassesWithNoArrivalOrCompletion() {
        // max-wait 3 s, 1 s loads. A holds m1 and runs one 30 s job of it from 1.2 s; a lone m1 job
        // comes at 1.5 s; B, on m2, gets 8 cold models at 1.7 s: 8 loads for 2 workers are over
        // max-wait, an overload, which passes once that work has stayed small for max-wait. B is
        // idle from about 10.5 s, and nothing arrives or ends until A's job does at 31.2 s
        java.util.List<String> rows = new java.util.ArrayList<>(java.util.List.of("0,m1,1000,100,0", "0,m2,1000,100,0",
                "1200,m1,1000,30000,0", "1500,m1,1000,100,0"));
        for (int c = 0; c < 8; c++) {
            rows.add("1700,c" + c + ",1000,100,0");
        }
        Trace trace = TestTraces.inline(rows.toArray(String[]::new));
        SimulationReport report = run(trace, 2,
                new Adaptive(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofMillis(100)));
        // the lone m1 job waited for A's 30 s job (29.7 s) before: now B takes it once the
        // overload has passed, within max-wait of B's last cold job
        assertThat(report.waitMs().max()).isLessThan(14_000);
    }

    @Test
    void maxWait_anIdleWorkerIsAskedAgainWhenAnOverloadPassesInABusyWorkersDecision() {
        // max-wait 3 s, 2.5 s loads, 3 workers. A runs one 30 s m1 job from 0 and a lone m1 job
        // comes at 0.5 s; B, on m2, gets 96 m2 jobs at 3 s, the 52nd 30 s long; C is idle. The
        // overload those 96 jobs make passes in B's decisions, which ask no idle worker again: C
        // must still come back for the overdue jobs (before: 39.4 s, the end of B's long job)
        java.util.List<String> rows = new java.util.ArrayList<>(java.util.List.of("0,m1,2500,30000,0", "0,m2,2500,100,0",
                "500,m1,2500,100,0"));
        for (int i = 0; i < 96; i++) {
            rows.add("3000,m2,2500," + (i == 51 ? 30_000 : 100) + ",0");
        }
        Trace trace = TestTraces.inline(rows.toArray(String[]::new));
        SimulationReport report = run(trace, 3,
                new Adaptive(Duration.ofSeconds(3), Duration.ofMillis(2_500), Duration.ofMillis(100)));
        assertThat(report.waitMs().max()).isLessThan(20_000);
    }

    @ParameterizedTest(name = "default load time {0} s")
    @ValueSource(ints = {1, 5})
    void maxWait_aStreamOfPriorityJobsOverdueByTheirHeadStart_doesNotHoldAnOlderJobBack(int defaultLoadSeconds) {
        // 1 worker, max-wait 3 s: m1 jobs with priority 2 (90 ms every 100 ms after a backlog of 12)
        // are overdue a second after they come; a plain m2 job at 3 s is older than them from about
        // 6 s on, and must not wait until m1's queue first empties, at about 16 s. With a default
        // load time of 5 s the waiting work at t=0 looks over max-wait: a guess, not an overload
        java.util.List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add("0,m1,1000,90,2");
        }
        for (int t = 100; t <= 60_000; t += 100) {
            rows.add(t + ",m1,1000,90,2");
            if (t == 3_000) {
                rows.add("3000,m2,1000,90,0");
            }
        }
        Trace trace = TestTraces.inline(rows.toArray(String[]::new));
        SimulationReport report = run(trace, 1,
                new Adaptive(Duration.ofSeconds(3), Duration.ofSeconds(defaultLoadSeconds), Duration.ofMillis(90)));
        assertThat(report.waitMs().max()).isLessThan(4_000);
    }

    @Test
    void maxWait_anOverdueModelHeldByAWorkerThatJustLoadedIt_getsNoConvoy() {
        // 3 workers, Poisson arrivals of m0 at 30/s and m1 at 12/s, 60 ms jobs, 1 s loads, 84 % busy,
        // max-wait 5 s: when a head becomes overdue, one worker loads its model; had the others
        // followed it there, the other model would be overdue 5 s later and all would switch back
        java.util.Random random = new java.util.Random(1);
        java.util.List<long[]> arrivals = new java.util.ArrayList<>();
        double[] rates = {30, 12};
        for (int m = 0; m < 2; m++) {
            for (double t = exp(random, rates[m]); t < 120; t += exp(random, rates[m])) {
                arrivals.add(new long[] {(long) (t * 1000), m});
            }
        }
        arrivals.sort(java.util.Comparator.comparingLong(a -> a[0]));
        String[] rows = arrivals.stream().map(a -> a[0] + ",m" + a[1] + ",1000,60,0").toArray(String[]::new);
        Trace trace = TestTraces.inline(rows);
        SimulationReport bounded = run(trace, 3,
                new Adaptive(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMillis(60)));
        SimulationReport unbounded = run(trace, 3,
                new Adaptive(Duration.ofDays(1000), Duration.ofSeconds(1), Duration.ofMillis(60)));
        assertThat(bounded.switches()).isLessThanOrEqualTo(unbounded.switches() + 2);
        assertThat(bounded.waitMs().mean()).isLessThanOrEqualTo(unbounded.waitMs().mean() * 1.05);
    }

    private static double exp(java.util.Random random, double rate) {
        return -Math.log(1 - random.nextDouble()) / rate;
    }

    @Test
    void overload_coldModelsBehindStreamsThatNeverEmpty_stillGetATurn() {
        // 3 streams keep 3 workers busy (a 100 ms job of each every 100 ms, 1 s loads); 10 cold
        // models come at 5 s: 10 loads over 3 workers need more than max-wait (3 s), so the bound
        // stands down, and the streams' queues never empty; a worker that served its stream for ten
        // load times leaves it for the oldest cold job (it waited until the streams ended, 89 s)
        StringBuilder rows = new StringBuilder();
        for (int t = 0; t < 90_000; t += 100) {
            for (int m = 1; m <= 3; m++) {
                rows.append(t).append(",h").append(m).append(",1000,100,0\n");
            }
            if (t == 5_000) {
                for (int c = 0; c < 10; c++) {
                    rows.append("5000,c").append(c).append(",1000,100,0\n");
                }
            }
        }
        Trace trace = TestTraces.inline(rows.toString().strip().split("\n"));

        SimulationReport report = run(trace, 3, new Adaptive(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofMillis(100)));

        assertThat(report.waitMs().max()).isLessThan(15_000);
    }

    @Test
    void overload_boundDoesNotAddLoads() {
        // 2 models alternate every 50 ms, 100 ms jobs on one worker: twice the work it can do,
        // so every job ends up overdue; the bound must not turn this into switching on every job:
        // overloaded, it switches only after ten load times (10 s here) on one model
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            rows.append(i * 50).append(i % 2 == 0 ? ",m1" : ",m2").append(",1000,100,0\n");
        }
        Trace trace = TestTraces.inline(rows.toString().strip().split("\n"));
        SimulationReport bounded = run(trace, 1,
                new Adaptive(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(100)));
        SimulationReport unbounded = run(trace, 1,
                new Adaptive(Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofMillis(100)));
        assertThat(unbounded.switches()).isLessThan(10);
        assertThat(bounded.switches()).isLessThanOrEqualTo(unbounded.switches() + 2 + bounded.makespanMs() / 10_000);
        assertThat(bounded.makespanMs()).isLessThanOrEqualTo(unbounded.makespanMs() * 11 / 10 + 2_000);
    }
}
