package io.smartlb.core.strategy;

import static io.smartlb.core.strategy.Queue.busy;
import static io.smartlb.core.strategy.Queue.idle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartlb.core.Decision;
import io.smartlb.core.Job;
import io.smartlb.core.JobCost;
import io.smartlb.core.WaitingJobs;
import io.smartlb.core.WorkerView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adaptive strategy's rules on hand-built views; times in seconds, max-wait 60 s. */
final class AdaptiveTest {

    private static final long S = Queue.S;

    private final Queue queue = new Queue();
    private final WaitingJobs<Void> waiting = queue.waiting;
    // defaults: load 5 s, job 100 ms until costs are observed

    private final Adaptive adaptive = new Adaptive(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMillis(100));
    private Decision next(WorkerView self, long nowSeconds, WorkerView... others) {
        List<WorkerView> all = new java.util.ArrayList<>(List.of(others));
        all.add(0, self);
        return adaptive.next(self, waiting, queue.workers(all.toArray(WorkerView[]::new)), nowSeconds * S);
    }

    // a job of model submitted at the given second, as the dispatcher reports it to the strategy
    private Job<Void> arrive(String model, long seconds) {
        Job<Void> job = queue.job(model, seconds);
        adaptive.arrived(job, seconds * S);
        return job;
    }

    private void jobTakes(String model, long millis) {
        adaptive.observe(new JobCost(model, false, 0, Duration.ofMillis(millis).toNanos()));
    }

    @Test
    void next_keepsOwnModelWhileItHasJobs_evenIfOtherHeadsAreOlder() {
        queue.job("m2", 0);
        Job<Void> own = queue.job("m1", 30);
        // m2 waited 50 s, more than any switch penalty the seed would use, but is not overdue
        Decision d = next(idle(0, "m1"), 50);
        assertThat(d.job()).isEqualTo(own);
        assertThat(d.reason()).isEqualTo("kept m1: 1 waiting");
    }

    @Test
    void next_ownModelEmpty_takesOldestUnheldModel() {
        Job<Void> oldest = queue.job("m2", 0);
        queue.job("m3", 10);
        assertThat(next(idle(0, "m1"), 20).job()).isEqualTo(oldest);
    }

    @Test
    void next_inABurst_prefersTheModelWithMoreJobs() {
        queue.job("m2", 0);
        Job<Void> busier = queue.job("m3", 0);  // every job arrived at 0 s, as in a burst
        queue.job("m3", 0);
        queue.job("m3", 0);
        queue.job("m4", 0);
        // m3 serves 3 jobs for one load, m2 and m4 one each
        Decision d = next(idle(0, null), 20);
        assertThat(d.job()).isEqualTo(busier);
        assertThat(d.reason()).startsWith("loaded m3: 3 waiting");
    }

    @Test
    void next_headsTieByChance_butJobsKeepComing_takesTheFirstSubmitted() {
        Job<Void> first = queue.job("m2", 0);
        queue.job("m3", 0);  // as old as m2's head, but m3's jobs keep coming: a stream, not a batch
        queue.job("m3", 1);
        queue.job("m3", 2);
        assertThat(next(idle(0, null), 20).job()).isEqualTo(first);
    }

    @Test
    void next_olderHead_winsOverMoreJobs_evenWithinALoadTime() {
        Job<Void> oldest = queue.job("m2", 0);
        queue.job("m3", 1);  // 1 s younger, well within the 5 s load time
        queue.job("m3", 1);
        queue.job("m3", 1);
        assertThat(next(idle(0, null), 20).job()).isEqualTo(oldest);
    }

    @Test
    void next_smallBatchOfHeldModel_staysIdleRatherThanLoadIt() {
        queue.job("m2", 0);
        queue.job("m2", 0);  // arrived together: a batch, 200 ms of work, not worth a 5 s load
        Decision d = next(idle(0, null), 10, busy(1, "m2"));
        assertThat(d.isIdle()).isTrue();
        assertThat(d.reason()).contains("too small to share");
    }

    @Test
    void next_largeBatchOfHeldModel_isShared() {
        // 400 jobs x 100 ms = 40 s of work > 2 * 1 * 2 * 5 s: a second worker finishes it sooner
        Job<Void> head = queue.job("m2", 0);
        for (int i = 0; i < 399; i++) {
            queue.job("m2", 0);
        }
        assertThat(next(idle(0, null), 10, busy(1, "m2")).job()).isEqualTo(head);
    }

    @Test
    void next_heldStream_nothingElseWaits_isShared() {
        Job<Void> head = queue.job("m2", 0);
        queue.job("m2", 1);  // its jobs keep coming: more will come while the worker loads it
        Decision d = next(idle(0, null), 10, busy(1, "m2"));
        assertThat(d.job()).isEqualTo(head);
        assertThat(d.reason()).isEqualTo("loaded m2: shared with 1 worker(s), nothing else waits and its jobs are not one batch;"
                + " 2 waiting, head waited 10.0 s");
    }

    @Test
    void next_heldStreamItsHolderKeepsUpWith_nothingElseWaits_aWorkerWhoseOwnStreamComesBackSoonStays() {
        // this worker's m1 gets a job a second; m2 one every 10 s, 100 ms each: its holder keeps up
        for (int t = 0; t <= 10; t++) {
            adaptive.arrived(queue.job("m1", t), t * S);
            waiting.remove(waiting.head("m1"));
        }
        arrive("m2", 0);
        Job<Void> m2 = arrive("m2", 10);
        waiting.remove(waiting.head("m2"));
        // loading m2 takes 5 s, in which m1 expects 5 jobs (>= 3): the worker waits for them
        Decision stays = next(idle(0, "m1"), 10, busy(1, "m2"));
        assertThat(stays.isIdle()).isTrue();
        // a worker with no stream of its own shares m2, as before
        assertThat(next(idle(2, null), 10, busy(1, "m2")).job()).isEqualTo(m2);
    }

    @Test
    void next_heldStreamArrivingFasterThanItsHolderServes_isJoinedBeforeAYoungerUnheldModel() {
        jobTakes("m2", 2_000);
        Job<Void> head = arrive("m2", 0);
        for (int t = 1; t <= 10; t++) {
            arrive("m2", t);  // one job a second, 2 s each: one holder serves half of them
        }
        queue.job("m3", 5);
        Decision d = next(idle(0, "m1"), 10, busy(1, "m2"));
        assertThat(d.job()).isEqualTo(head);
        assertThat(d.reason()).startsWith("switched m1 -> m2: shared with 1 worker(s), its jobs arrive faster than"
                + " 1 worker(s) serve them and its head is older than m3's; 11 waiting");
    }

    @Test
    void next_heldStreamWithinTheLearnedRatesError_isLeftToItsHolder_whileAYoungerUnheldModelWaits() {
        jobTakes("m2", 1_250);
        arrive("m2", 0);
        for (int t = 1; t <= 10; t++) {
            arrive("m2", t);  // 1.25 s of work a second: past one holder, not past 1.5 of them
        }
        Job<Void> unheld = queue.job("m3", 5);
        assertThat(next(idle(0, "m1"), 10, busy(1, "m2")).job()).isEqualTo(unheld);
    }

    @Test
    void next_heldStreamItsHoldersKeepUpWith_isLeftToThem_howeverOldItsHead() {
        jobTakes("m2", 1_500);
        arrive("m2", 0);
        for (int t = 1; t <= 10; t++) {
            arrive("m2", t);  // 1.5 s of work a second: two holders keep up
        }
        Job<Void> unheld = queue.job("m3", 9);
        assertThat(next(idle(0, "m1"), 10, busy(1, "m2"), busy(2, "m2")).job()).isEqualTo(unheld);
    }

    @Test
    void next_youngerHeldStreamFallingBehind_isJoined_whenTheOldestHeldOneKeepsUp() {
        jobTakes("m2", 100);
        arrive("m2", 0);
        arrive("m2", 1);     // m2: 0.1 s of work a second, its holder keeps up
        jobTakes("m4", 2_000);
        Job<Void> behind = arrive("m4", 2);
        for (int t = 3; t <= 10; t++) {
            arrive("m4", t);  // m4: 2 s of work a second for one holder
        }
        queue.job("m3", 5);
        Decision d = next(idle(0, "m1"), 10, busy(1, "m2"), busy(2, "m4"));
        assertThat(d.job()).isEqualTo(behind);
    }

    @Test
    void next_heldStreamFallingBehind_headOlderByPriority_isJoined() {
        jobTakes("m2", 2_000);
        Job<Void> head = queue.job("m2", 6, 10);  // submitted after m3's head, but 10 s of head start
        adaptive.arrived(head, 6 * S);
        for (int t = 7; t <= 10; t++) {
            arrive("m2", t);
        }
        queue.job("m3", 5);
        assertThat(next(idle(0, "m1"), 10, busy(1, "m2")).job()).isEqualTo(head);
    }

    @Test
    void next_heldStreamFallingBehind_waitsForOlderUnheldHeads() {
        jobTakes("m2", 2_000);
        for (int t = 5; t <= 10; t++) {
            arrive("m2", t);
        }
        Job<Void> older = queue.job("m3", 4);  // the cycle's order: nothing older is passed over
        assertThat(next(idle(0, "m1"), 10, busy(1, "m2")).job()).isEqualTo(older);
    }

    @Test
    void next_heldStreamWhoseJobsStopped_isLeftToItsHolder() {
        jobTakes("m2", 2_000);
        for (int t = 0; t <= 5; t++) {
            arrive("m2", t);  // fast enough until 5 s, then nothing for 15 s
        }
        Job<Void> unheld = queue.job("m3", 19);
        assertThat(next(idle(0, "m1"), 20, busy(1, "m2")).job()).isEqualTo(unheld);
    }

    @Test
    void next_loneJobOfHeldModelThatLoadsInTwoJobTimes_isShared() {
        adaptive.observe(new JobCost("m2", true, Duration.ofMillis(200).toNanos(), Duration.ofMillis(300).toNanos()));
        Job<Void> lone = queue.job("m2", 0);  // load 200 ms <= 2 x 100 ms job
        Decision d = next(idle(0, null), 1, busy(1, "m2"));
        assertThat(d.job()).isEqualTo(lone);
        assertThat(d.reason()).isEqualTo("loaded m2: shared with 1 worker(s), a lone job, its model loads in at most 2 job times;"
                + " 1 waiting, head waited 1.0 s");
    }

    @Test
    void next_loneJobOfHeldModelThatLoadsSlowly_isLeftToItsHolder() {
        adaptive.observe(new JobCost("m2", true, Duration.ofMillis(300).toNanos(), Duration.ofMillis(400).toNanos()));
        queue.job("m2", 0);  // load 300 ms > 2 x 100 ms job
        assertThat(next(idle(0, null), 1, busy(1, "m2")).isIdle()).isTrue();
    }

    @Test
    void next_loneJobOfHeldModel_beforeAnyLoadWasMeasured_isShared_thenLeftOnceLoadsAreKnownDear() {
        Job<Void> lone = queue.job("m2", 0);  // the defaults say a load takes 50 job times, but nothing was measured
        Decision d = next(idle(0, null), 1, busy(1, "m2"));
        assertThat(d.job()).isEqualTo(lone);
        assertThat(d.reason()).isEqualTo("loaded m2: shared with 1 worker(s), a lone job, and no load was measured yet;"
                + " 1 waiting, head waited 1.0 s");

        adaptive.observe(new JobCost("m3", true, Duration.ofSeconds(5).toNanos(), Duration.ofMillis(5_100).toNanos()));
        assertThat(next(idle(0, null), 1, busy(1, "m2")).isIdle()).isTrue();
    }

    @Test
    void next_heldBatch_isNotJoinedHoweverOld() {
        queue.job("m2", 0);
        queue.job("m2", 0);
        Job<Void> unheld = queue.job("m3", 19);  // a batch gains nothing from a second load
        assertThat(next(idle(0, null), 20, busy(1, "m2")).job()).isEqualTo(unheld);
    }

    @Test
    void next_overdueJob_takenBeforeOwnFreshJobs() {
        Job<Void> overdue = queue.job("m2", 0);
        queue.job("m1", 60);
        // m2 waited 61 s > max-wait: the free worker leaves m1's fresh job for it
        Decision d = next(idle(0, "m1"), 61);
        assertThat(d.job()).isEqualTo(overdue);
        assertThat(d.reason()).isEqualTo("switched m1 -> m2: oldest waited 61.0 s > max-wait");
    }

    @Test
    void next_overdueByItsPriority_reasonGivesTheWaitAndThePriority() {
        Job<Void> overdue = queue.job("m2", 10, 55);  // waited 6 s at 16 s, with 55 s of head start: 61 s old
        queue.job("m1", 15);
        Decision d = next(idle(0, "m1"), 16);
        assertThat(d.job()).isEqualTo(overdue);
        assertThat(d.reason()).isEqualTo("switched m1 -> m2: oldest waited 6.0 s + 55.0 s priority > max-wait");
    }

    @Test
    void next_ownHeadOverdueByItsPriority_reasonGivesTheWaitAndThePriority() {
        Job<Void> own = queue.job("m1", 10, 58);
        Decision d = next(idle(0, "m1"), 13);
        assertThat(d.job()).isEqualTo(own);
        assertThat(d.reason()).isEqualTo("kept m1: head waited 3.0 s + 58.0 s priority > max-wait");
    }

    @Test
    void next_ownHeadOverdueByItsPriority_yieldsToAnOlderOverdueJob() {
        Job<Void> older = queue.job("m2", 0);      // 65 s old at 65 s
        queue.job("m1", 64, 62);                    // waited 1 s, 63 s old with its head start
        Decision d = next(idle(0, "m1"), 65);
        assertThat(d.job()).isEqualTo(older);
        assertThat(d.reason()).isEqualTo("switched m1 -> m2: oldest waited 65.0 s > max-wait");
    }

    @Test
    void next_overdueWithANegativePriority_reasonSubtractsIt() {
        Job<Void> overdue = queue.job("m2", 0, -5);
        queue.job("m1", 60);
        Decision d = next(idle(0, "m1"), 70);
        assertThat(d.job()).isEqualTo(overdue);
        assertThat(d.reason()).isEqualTo("switched m1 -> m2: oldest waited 70.0 s - 5.0 s priority > max-wait");
    }

    @Test
    void next_afterMaxWaitMadeItLoadAModel_itFinishesTheJobsWaitingThen_gatedService() {
        Job<Void> overdue = queue.job("m2", 0);
        Job<Void> waitingThen = queue.job("m2", 30);
        Job<Void> otherOverdue = queue.job("m3", 1);
        assertThat(next(idle(0, null), 61).job()).isEqualTo(overdue);  // the bound makes it load m2
        waiting.remove(overdue);

        // m3 is overdue, but m2's job that waited when m2 was loaded goes first: the load was paid for it too
        Decision d = next(idle(0, "m2"), 62);
        assertThat(d.job()).isEqualTo(waitingThen);
        assertThat(d.reason()).isEqualTo("kept m2: finishing the jobs that waited when max-wait made it load m2");
        waiting.remove(waitingThen);

        queue.job("m2", 62);  // came after the load: not part of that batch
        assertThat(next(idle(0, "m2"), 63).job()).isEqualTo(otherOverdue);
    }

    @Test
    void next_gateEnds_whenTheWorkerLeavesTheModel() {
        Job<Void> overdue = queue.job("m2", 0);
        Job<Void> waitingThen = queue.job("m2", 30);
        assertThat(next(idle(0, null), 61).job()).isEqualTo(overdue);  // forced load of m2
        waiting.remove(overdue);
        assertThat(next(idle(0, "m4"), 62).job()).isEqualTo(waitingThen);  // it has moved on to m4 meanwhile

        Job<Void> otherOverdue = queue.job("m3", 2);
        // back on m2 by an ordinary choice: m2's old job is no gated batch any more
        assertThat(next(idle(0, "m2"), 63).job()).isEqualTo(otherOverdue);
    }

    @Test
    void next_ownOverdue_servedBeforeYoungerOverdueElsewhere() {
        queue.job("m2", 30);
        Job<Void> own = queue.job("m1", 0);
        // both overdue at 100 s, m1's the older: serving it first costs no load
        assertThat(next(idle(0, "m1"), 100).job()).isEqualTo(own);
    }

    @Test
    void next_ownOverdue_yieldsToAnOlderOverdueJobElsewhere() {
        Job<Void> older = queue.job("m2", 0);
        queue.job("m1", 30);
        // both overdue at 100 s: oldest first, as the bound is stated, though m2 costs a load
        assertThat(next(idle(0, "m1"), 100).job()).isEqualTo(older);
    }

    @Test
    void next_overdueJobOfAModelWhoseHolderIsStuck_isTakenByAFreeWorker() {
        Job<Void> longJob = queue.job("m2", 0);
        assertThat(next(idle(1, null), 0).job()).isEqualTo(longJob);  // worker 1 starts it at 0 s: a long job
        waiting.remove(longJob);
        Job<Void> overdue = queue.job("m2", 2);
        queue.job("m1", 50);
        // worker 1 has been on one job for 70 s > max-wait: the bound does not wait for it
        Decision d = next(idle(0, "m1"), 70, busy(1, "m2"));
        assertThat(d.job()).isEqualTo(overdue);
        assertThat(d.reason()).isEqualTo("switched m1 -> m2: oldest waited 68.0 s > max-wait; its 1 holder(s) on one job each for longer than max-wait");
    }

    @Test
    void next_overdueJobOfAModelWhoseHolderJustStarted_isLeftToIt() {
        Job<Void> first = queue.job("m2", 0);
        queue.job("m2", 1);
        Job<Void> own = queue.job("m1", 69);
        assertThat(next(idle(1, null), 69).job()).isEqualTo(first);  // worker 1 loads m2 at 69 s
        waiting.remove(first);
        // m2's next job is overdue, but its holder will reach it within a job: a second load of m2
        // would be a waste (and with more workers, a convoy from model to model)
        assertThat(next(idle(0, "m1"), 70, busy(1, "m2")).job()).isEqualTo(own);
    }

    @Test
    void next_everyWaitingModelHeldByABusyWorker_idleUntilTheBoundMayTakeOne() {
        Job<Void> started = queue.job("m2", 0);
        assertThat(next(idle(1, null), 0).job()).isEqualTo(started);  // worker 1 starts it at 0 s
        waiting.remove(started);
        adaptive.observe(new JobCost("m3", true, Duration.ofSeconds(5).toNanos(), Duration.ofSeconds(5).toNanos()));
        queue.job("m2", 30);  // a lone job of a model that loads in 5 s: left to its holder
        // overdue at 90 s, its holder stuck from 60 s: ask this worker again just past 90 s
        Decision d = next(idle(0, null), 31, busy(1, "m2"));
        assertThat(d.isIdle()).isTrue();
        assertThat(d.askAgainAtNanos()).isEqualTo(90 * S + 1);
    }

    @Test
    void next_overdueHeadsAsOld_theUnheldModelGoesFirst() {
        queue.job("m2", 0);
        Job<Void> unheld = queue.job("m3", 0);
        queue.job("m1", 50);
        // m3 needs a load anyway; m2 has a holder (here one the strategy never saw start: not stuck)
        assertThat(next(idle(0, "m1"), 70, busy(1, "m2")).job()).isEqualTo(unheld);
    }

    @Test
    void next_headStartOfTwiceMaxWait_isNoOverload() {
        Job<Void> urgent = queue.job("m3", 9, 130);  // 131 s old at 10 s, but it waited 1 s
        queue.job("m1", 10);
        // a priority is no sign of overload: the job is overdue and goes first
        assertThat(next(idle(0, "m1"), 10).job()).isEqualTo(urgent);
    }

    @Test
    void next_overloaded_dropsTheBoundAndKeepsServingOwnModel() {
        queue.job("m2", 0);
        Job<Void> own = queue.job("m1", 100);
        // m2 waited 130 s > 2 x max-wait: the bound cannot hold, so no switch is spent on it
        assertThat(next(idle(0, "m1"), 130).job()).isEqualTo(own);
        // and it stays off until nothing is overdue again
        assertThat(next(idle(0, "m1"), 131).job()).isEqualTo(own);
    }

    @Test
    void next_overloaded_anOverdueJobTakenInItsTurn_saysTheBoundStoodDown() {
        Job<Void> cold = queue.job("m2", 0);
        queue.job("m1", 100);
        // m2 waited 130 s > 2 x max-wait: overloaded; m1's job waited 30 s, not overdue
        assertThat(next(idle(0, "m1"), 130).reason()).isEqualTo("kept m1: 1 waiting");
        waiting.remove(waiting.head("m1"));

        Decision d = next(idle(0, "m1"), 131);

        assertThat(d.job()).isEqualTo(cold);
        assertThat(d.reason()).isEqualTo("switched m1 -> m2: 1 waiting, head waited 131.0 s; overloaded, so max-wait stands down");
    }

    @Test
    void next_overloaded_aWorkerOnOneModelForMaxWaitAndTenLoads_takesTheOldestOverdueJob() {
        queue.job("m1", 0);
        Job<Void> cold = queue.job("m2", 0);
        for (int m = 3; m <= 16; m++) {
            queue.job("m" + m, 0);
        }
        assertThat(next(idle(0, null), 1).job().model()).isEqualTo("m1");  // loads m1 at 1 s, the earlier submission
        waiting.remove(waiting.head("m1"));
        adaptive.observe(new JobCost("m1", true, 5 * S, 5 * S + 100_000_000L));  // a load was measured: 5 s
        queue.job("m1", 130);
        // 15 waiting models need 75 s to start on one worker, more than max-wait: overloaded; on m1
        // for 129 s, more than max-wait (60 s) and ten load times (50 s), it leaves m1 once
        Decision d = next(idle(0, "m1"), 130);
        assertThat(d.job()).isEqualTo(cold);
        assertThat(d.reason()).isEqualTo("switched m1 -> m2: overloaded, but m1 has kept this worker 129.0 s, longer than "
                + "max-wait, while this job waited 130.0 s > max-wait");
    }

    @Test
    void next_overloaded_aWorkerOnItsModelForLessThanMaxWait_keepsIt() {
        queue.job("m1", 0);
        for (int m = 2; m <= 16; m++) {
            queue.job("m" + m, 0);
        }
        assertThat(next(idle(0, null), 100).job().model()).isEqualTo("m1");  // loads m1 at 100 s
        waiting.remove(waiting.head("m1"));
        adaptive.observe(new JobCost("m1", true, 5 * S, 5 * S + 100_000_000L));
        Job<Void> own = queue.job("m1", 130);
        // overloaded, and the other heads waited 130 s; but the worker has been on m1 for only 30 s
        assertThat(next(idle(0, "m1"), 130).job()).isEqualTo(own);
    }

    // overloaded (15 waiting models need 15 x 5 s to start, over max-wait 60 s): worker 0 loaded m1 at
    // 1 s; m2 to m16 waited since 0
    private void overloadedSinceZero_workerOnM1From(long loadedAt) {
        queue.job("m1", 0);
        for (int m = 2; m <= 16; m++) {
            queue.job("m" + m, 0);
        }
        assertThat(next(idle(0, null), loadedAt).job().model()).isEqualTo("m1");
        waiting.remove(waiting.head("m1"));
        adaptive.observe(new JobCost("m1", true, 5 * S, 5 * S + 100_000_000L));
    }

    @Test
    void next_overloaded_onItsModelForMaxWaitButNotTenLoadTimes_keepsIt() {
        overloadedSinceZero_workerOnM1From(1);
        adaptive.observe(new JobCost("m2", true, 10 * S, 10 * S + 100_000_000L));  // m2 loads in 10 s on average now
        Job<Void> own = queue.job("m1", 70);
        // 69 s on m1: over max-wait (60 s) but under ten of m2's load times (about 75 s)
        assertThat(next(idle(0, "m1"), 70).job()).isEqualTo(own);
    }

    @Test
    void next_overloaded_onItsModelAfterAPause_countsFromTheEndOfThePause() {
        overloadedSinceZero_workerOnM1From(1);
        // at 50 s the worker, still on m1, is asked while nothing waits (another dispatcher's view): idle
        assertThat(adaptive.next(idle(0, "m1"), new WaitingJobs<>(), queue.workers(idle(0, "m1")), 50 * S).isIdle()).isTrue();
        Job<Void> own = queue.job("m1", 130);
        // 129 s since its load, but it served m1 without a break only from 130 s: it keeps m1
        assertThat(next(idle(0, "m1"), 130).job()).isEqualTo(own);
    }

    @Test
    void next_overloaded_anOverdueJobOnlyByItsHeadStart_makesNoTurn() {
        queue.job("m1", 0);
        for (int m = 3; m <= 16; m++) {
            queue.job("m" + m, 100);  // 14 models that waited 30 s: overloaded by the work, not overdue
        }
        queue.job("m2", 125, 100);  // overdue by its 100 s head start alone, and the oldest by effective age
        assertThat(next(idle(0, null), 1).job().model()).isEqualTo("m1");
        waiting.remove(waiting.head("m1"));
        adaptive.observe(new JobCost("m1", true, 5 * S, 5 * S + 100_000_000L));
        Job<Void> own = queue.job("m1", 130);
        assertThat(next(idle(0, "m1"), 130).job()).isEqualTo(own);
    }

    @Test
    void next_overloadPassed_afterMaxWaitOfSmallBacklog_theLeftoverOverdueJobIsServed() {
        Job<Void> leftover = queue.job("m2", 0);
        Job<Void> own = queue.job("m1", 100);
        // overloaded: m2 waited 130 s > 2 x max-wait; the waiting work needs a few seconds from here
        assertThat(next(idle(0, "m1"), 130).job()).isEqualTo(own);
        waiting.remove(own);
        Job<Void> fresh = queue.job("m1", 185);
        assertThat(next(idle(0, "m1"), 186).job()).isEqualTo(fresh);  // small for 56 s: still overloaded
        waiting.remove(fresh);
        queue.job("m1", 190);
        // small for more than max-wait: the overload has passed, and m2 is left over from it
        Decision d = next(idle(0, "m1"), 191);
        assertThat(d.job()).isEqualTo(leftover);
        assertThat(d.reason()).isEqualTo("switched m1 -> m2: oldest waited 191.0 s > max-wait");
    }

    @Test
    void next_backlogThatCannotStartWithinMaxWait_isOverload_beforeAnyJobWaitedTwiceIt() {
        for (int m = 2; m <= 16; m++) {
            queue.job("m" + m, 0);
        }
        Job<Void> own = queue.job("m1", 61);
        adaptive.observe(new JobCost("m1", true, 5 * S, 5 * S + 100_000_000L));  // a load was measured: 5 s
        // 15 overdue models, one worker, 5 s per load: they need 75 s to start whatever the order,
        // more than max-wait, so the bound cannot hold and no switch is spent on it
        assertThat(next(idle(0, "m1"), 61).job()).isEqualTo(own);
    }

    @Test
    void next_backlogOverMaxWaitOnlyByTheDefaultLoadTime_isNoOverload() {
        for (int m = 2; m <= 16; m++) {
            queue.job("m" + m, 0);
        }
        queue.job("m1", 61);
        // the same 75 s of loads, but by the configured default alone (no load measured yet): a
        // guess does not switch the bound off, and the oldest overdue job goes first
        assertThat(next(idle(0, "m1"), 61).job().model()).isEqualTo("m2");
    }

    @Test
    void next_backlogThatCanStartWithinMaxWait_keepsTheBound() {
        for (int m = 2; m <= 5; m++) {
            queue.job("m" + m, 0);
        }
        queue.job("m1", 61);
        // 4 overdue models need 20 s: the oldest overdue job goes first
        assertThat(next(idle(0, "m1"), 61).job().model()).isEqualTo("m2");
    }

    @Test
    void constructor_rejectsZeroMaxWait() {
        assertThatThrownBy(() -> new Adaptive(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMillis(100)))
                .hasMessageContaining("max-wait must be > 0");
    }
}
