package io.smartlb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartlb.core.strategy.Affinity;
import io.smartlb.core.strategy.ExclusiveAffinity;
import io.smartlb.core.strategy.Fifo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The dispatcher's rules on a virtual clock: the test says when jobs arrive and when they end. */
final class DispatcherTest {

    private static final long MS = 1_000_000L;

    /** Leaves workers idle until {@code readyNanos}, asking to be asked again then; after it, runs the oldest job. */
    private static Strategy readyAt(long readyNanos) {
        return (worker, waiting, workers, nowNanos) -> nowNanos < readyNanos
                ? Decision.idleUntil(readyNanos, "not yet")
                : Decision.run(waiting.oldestHead(), "now");
    }

    @Test
    void askIdleWorkers_atTheTimeTheStrategyGave_assignsWithoutAnyOtherEvent() {
        List<Assignment<String>> handedOff = new ArrayList<>();
        Dispatcher<String> d = new Dispatcher<>(readyAt(10 * MS), 2, 100, handedOff::add);
        List<Long> requested = new ArrayList<>();
        d.onAskAgain(requested::add);

        assertThat(d.submit("a", 0, "j1", 0).assignment()).isNull();
        assertThat(d.askAgainAtNanos()).isEqualTo(10 * MS);
        assertThat(requested).containsExactly(10 * MS);  // told once: worker 1 gave the same time

        d.askIdleWorkers(9 * MS);  // too early: nothing happens
        assertThat(handedOff).isEmpty();
        d.askIdleWorkers(10 * MS);
        assertThat(handedOff).extracting(a -> a.job().payload()).containsExactly("j1");
        assertThat(d.askAgainAtNanos()).isEqualTo(Decision.NEVER);
    }

    @Test
    void askAgain_aTimeNotAfterNow_isIgnored() {
        Dispatcher<String> d = new Dispatcher<>((worker, waiting, workers, nowNanos) -> Decision.idleUntil(nowNanos, "now"),
                1, 100, a -> { });
        d.submit("a", 0, "j1", 5 * MS);
        assertThat(d.askAgainAtNanos()).isEqualTo(Decision.NEVER);
    }

    @Test
    void submit_firstJob_goesToFirstEmptyWorkerAndCountsALoad() {
        Dispatcher<String> d = new Dispatcher<>(new Affinity(), 2, 100);
        Assignment<String> a = d.submit("olia", 0, "j1", 0).assignment();
        assertThat(a.worker()).isZero();
        assertThat(a.load()).isTrue();
        assertThat(d.workers().get(0).loads()).isEqualTo(1);
        assertThat(d.workers().get(0).state()).isEqualTo(WorkerState.BUSY);
    }

    @Test
    void submit_prefersFreeHolderOfTheModel() {
        Dispatcher<String> d = new Dispatcher<>(new Affinity(), 2, 100);
        d.submit("a", 0, "j1", 0);
        d.submit("b", 0, "j2", 0);
        d.complete(0, Outcome.DONE, MS);
        d.complete(1, Outcome.DONE, MS);
        // both free: worker 1 holds b, so b goes there although worker 0 comes first
        Assignment<String> a = d.submit("b", 0, "j3", 2 * MS).assignment();
        assertThat(a.worker()).isEqualTo(1);
        assertThat(a.load()).isFalse();
    }

    @Test
    void submit_seed_newModelGoesToEmptyWorkerNotToTheHolderOfAnother() {
        // two workers, worker 0 holds olia and is free: a job for olia1 goes to worker 1, the empty one
        Dispatcher<String> d = new Dispatcher<>(new Affinity(), 2, 100);
        d.submit("olia", 0, "j1", 0);
        d.complete(0, Outcome.DONE, MS);
        Assignment<String> a = d.submit("olia1", 0, "j2", 2 * MS).assignment();
        assertThat(a.worker()).isEqualTo(1);
        assertThat(d.workers().get(0).model()).isEqualTo("olia");
    }

    @Test
    void complete_seed_oneWorkerGroupsQueuedModel() {
        // one worker; olia, olia1, olia, olia arrive while the first runs: olia, olia, olia, olia1
        Dispatcher<String> d = new Dispatcher<>(new Affinity(), 1, 100);
        d.submit("olia", 0, "1", 0);
        d.submit("olia1", 0, "2", MS);
        d.submit("olia", 0, "3", 2 * MS);
        d.submit("olia", 0, "4", 3 * MS);
        assertThat(d.complete(0, Outcome.DONE, 10 * MS).job().payload()).isEqualTo("3");
        assertThat(d.complete(0, Outcome.DONE, 11 * MS).job().payload()).isEqualTo("4");
        Assignment<String> last = d.complete(0, Outcome.DONE, 12 * MS);
        assertThat(last.job().payload()).isEqualTo("2");
        assertThat(last.load()).isTrue();
        assertThat(d.complete(0, Outcome.DONE, 13 * MS)).isNull();
        WorkerSnapshot w = d.workers().get(0);
        assertThat(w.loads()).isEqualTo(2);
        assertThat(w.completed()).isEqualTo(4);
        assertThat(w.completedSinceLoad()).isEqualTo(1);
        assertThat(w.state()).isEqualTo(WorkerState.IDLE);
    }

    @Test
    void complete_seed_twoWorkersKeepTheirModels() {
        // two workers; olia, olia1, olia, olia1: olia runs on worker 0, olia1 on worker 1
        Dispatcher<String> d = new Dispatcher<>(new Affinity(), 2, 100);
        assertThat(d.submit("olia", 0, "1", 0).assignment().worker()).isZero();
        assertThat(d.submit("olia1", 0, "2", MS).assignment().worker()).isEqualTo(1);
        d.submit("olia", 0, "3", 2 * MS);
        d.submit("olia1", 0, "4", 3 * MS);
        // worker 1 finishes first; it still takes its own model, not the older olia job
        assertThat(d.complete(1, Outcome.DONE, 10 * MS).job().payload()).isEqualTo("4");
        assertThat(d.complete(0, Outcome.DONE, 11 * MS).job().payload()).isEqualTo("3");
        assertThat(d.workers()).extracting(WorkerSnapshot::loads).containsExactly(1L, 1L);
    }

    @Test
    void complete_seed_headStartBeatsSwitchPenalty() {
        // one worker runs olia; olia, olia queued; olia1 with 11 s head start runs second:
        // olia1 scores (3 ms - 11 s) + 10 s < 1 ms, the olia head's score
        Dispatcher<String> d = new Dispatcher<>(new Affinity(), 1, 100);
        d.submit("olia", 0, "1", 0);
        d.submit("olia", 0, "2", MS);
        d.submit("olia", 0, "3", 2 * MS);
        d.submit("olia1", 11, "4", 3 * MS);
        assertThat(d.complete(0, Outcome.DONE, 10 * MS).job().payload()).isEqualTo("4");
    }

    @Test
    void complete_loadFailed_leavesWorkerHoldingNoModel() {
        Dispatcher<String> d = new Dispatcher<>(new Affinity(), 1, 100);
        d.submit("m1", 0, "1", 0);
        d.submit("m1", 0, "2", MS);
        Assignment<String> next = d.complete(0, Outcome.LOAD_FAILED, 2 * MS);
        // the worker holds nothing, so the next m1 job loads again
        assertThat(next.load()).isTrue();
        WorkerSnapshot w = d.workers().get(0);
        assertThat(w.failed()).isEqualTo(1);
        assertThat(w.loads()).isEqualTo(2);
    }

    @Test
    void complete_jobFailed_keepsModelAndCountsFailure() {
        Dispatcher<String> d = new Dispatcher<>(new Affinity(), 1, 100);
        d.submit("m1", 0, "1", 0);
        d.submit("m1", 0, "2", MS);
        assertThat(d.complete(0, Outcome.FAILED, 2 * MS).load()).isFalse();
        assertThat(d.workers().get(0).failed()).isEqualTo(1);
    }

    @Test
    void submit_exclusiveAffinity_mayLeaveFreeWorkerIdle() {
        Dispatcher<String> d = new Dispatcher<>(new ExclusiveAffinity(), 2, 100);
        d.submit("m1", 0, "1", 0);
        // worker 0 holds m1 and is busy; worker 1 may not take m1
        assertThat(d.submit("m1", 0, "2", MS).assignment()).isNull();
        assertThat(d.queued()).isEqualTo(1);
        assertThat(d.complete(0, Outcome.DONE, 2 * MS).job().payload()).isEqualTo("2");
    }

    @Test
    void submit_overCapacity_throwsQueueFull() {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 1, 1);
        d.submit("m1", 0, "running", 0);
        d.submit("m1", 0, "waiting", 0);
        assertThatThrownBy(() -> d.submit("m1", 0, "over", 0)).isInstanceOf(QueueFullException.class)
                .hasMessage("queue full: 1 job waiting");
        assertThat(d.queued()).isEqualTo(1);
    }

    @Test
    void submit_afterClose_throwsShutdownButWaitingJobsStillRun() {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 1, 10);
        d.submit("m1", 0, "1", 0);
        d.submit("m1", 0, "2", 0);
        d.close();
        assertThatThrownBy(() -> d.submit("m1", 0, "3", 0)).isInstanceOf(ShutdownException.class);
        assertThat(d.complete(0, Outcome.DONE, MS).job().payload()).isEqualTo("2");
    }

    @Test
    void cancel_removesWaitingJobOnly() {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 1, 10);
        Job<String> running = d.submit("m1", 0, "1", 0).job();
        Job<String> waiting = d.submit("m1", 0, "2", 0).job();
        assertThat(d.cancel(running)).isFalse();
        assertThat(d.cancel(waiting)).isTrue();
        assertThat(d.complete(0, Outcome.DONE, MS)).isNull();
    }

    @Test
    void expire_removesJobsWaitingLongerThanMaxWait() {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 1, 10);
        d.submit("m1", 0, "running", 0);
        Job<String> old = d.submit("m1", 0, "old", 0).job();
        d.submit("m1", 0, "young", 900 * MS);
        assertThat(d.expire(1_500 * MS, 1_000 * MS)).containsExactly(old);
        assertThat(d.queued()).isEqualTo(1);
    }

    @Test
    void markDown_workerGetsNoJobsUntilUpAgainHoldingNothing() {
        Dispatcher<String> d = new Dispatcher<>(new Affinity(), 2, 10);
        d.submit("m1", 0, "1", 0);
        d.complete(0, Outcome.DONE, MS);
        d.markDown(0, MS);
        assertThat(d.workers().get(0).state()).isEqualTo(WorkerState.DOWN);
        assertThat(d.submit("m1", 0, "2", 2 * MS).assignment().worker()).isEqualTo(1);
        d.submit("m2", 0, "3", 3 * MS);
        Assignment<String> a = d.markUp(0, 4 * MS);
        assertThat(a.worker()).isZero();
        assertThat(a.job().payload()).isEqualTo("3");
        assertThat(a.load()).isTrue();
    }

    @Test
    void undelivered_requeuesJobForAnotherWorkerAndTakesThisOneDown() {
        Dispatcher<String> d = new Dispatcher<>(new Affinity(), 2, 10);
        d.submit("m1", 0, "1", 0);
        Assignment<String> retry = d.undelivered(0, true, true, MS);
        assertThat(retry.worker()).isEqualTo(1);
        assertThat(retry.job().payload()).isEqualTo("1");
        assertThat(d.workers().get(0).state()).isEqualTo(WorkerState.DOWN);
        assertThat(d.workers().get(0).failed()).isZero();
    }

    @Test
    void undelivered_neverReached_theLoadItWasGivenForIsNotCounted() {
        Dispatcher<String> d = new Dispatcher<>(new Affinity(), 2, 10);
        d.submit("m1", 0, "1", 0);              // worker 0 loads m1 for it
        d.undelivered(0, true, false, MS);      // connection refused: m1 never reached worker 0
        assertThat(d.workers().get(0).loads()).isZero();
        assertThat(d.workers().get(1).loads()).isEqualTo(1);  // the retry loads m1 there
    }

    @Test
    void undelivered_mayHaveReached_theLoadStaysCounted() {
        Dispatcher<String> d = new Dispatcher<>(new Affinity(), 2, 10);
        d.submit("m1", 0, "1", 0);
        d.undelivered(0, true, true, MS);       // the connection broke: worker 0 may have loaded m1
        assertThat(d.workers().get(0).loads()).isEqualTo(1);
    }

    @Test
    void expireAtDispatch_removesJobsThatWaitedLonger_beforeTheStrategyChooses() {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 1, 10, extra -> { }, true);
        d.expireAtDispatch(10 * MS);
        d.submit("a", 0, "j1", 0);
        d.submit("a", 0, "j2", 0);
        d.submit("b", 0, "j3", 5 * MS);

        Assignment<String> next = d.complete(0, Outcome.DONE, 12 * MS);  // j2 waited 12 ms, j3 7 ms

        assertThat(next.job().payload()).isEqualTo("j3");
        assertThat(d.takeExpired().payload()).isEqualTo("j2");
        assertThat(d.takeExpired()).isNull();
        assertThat(d.queued()).isZero();
    }

    @Test
    void expireAtDispatch_findsAJobThatCameBackUndelivered() {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 2, 10, extra -> { }, true);
        d.expireAtDispatch(10 * MS);
        d.submit("a", 0, "j1", 0);                // worker 0
        d.submit("b", 0, "j2", MS);               // worker 1
        assertThat(d.isDown(0)).isFalse();
        d.submit("b", 0, "j3", 2 * MS);           // waits
        d.undelivered(0, true, true, 3 * MS);           // j1 waits again, worker 0 is down

        Assignment<String> next = d.complete(1, Outcome.DONE, 11 * MS);  // j1 waited 11 ms, j3 9 ms

        assertThat(next.job().payload()).isEqualTo("j3");
        assertThat(d.takeExpired().payload()).isEqualTo("j1");
    }

    @Test
    void expireAtDispatch_emptyingTheQueue_wakesAnAwaitIdle() throws Exception {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 1, 10, extra -> { }, true);
        d.expireAtDispatch(10 * MS);
        d.markDown(0, 0);
        d.submit("a", 0, "j1", 0);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> idle = thread.submit(() -> d.awaitIdle(60, TimeUnit.SECONDS));

            assertThat(d.markUp(0, 11 * MS)).isNull();  // j1 waited too long: nothing to run

            assertThat(idle.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(d.takeExpired().payload()).isEqualTo("j1");
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void markUp_afterShutdownTookTheQueue_isIgnored() {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 1, 10, extra -> { }, true);
        d.markDown(0, 0);
        d.submit("a", 0, "j1", 0);
        d.close();
        d.removeAllWaiting();

        assertThat(d.markUp(0, MS)).isNull();
        assertThat(d.workers().get(0).state()).isEqualTo(WorkerState.DOWN);
        assertThat(d.isDown(0)).isTrue();
    }

    @Test
    void expireAtDispatch_needsADispatcherWithExpiry() {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 1, 10, extra -> { }, false);
        assertThatThrownBy(() -> d.expireAtDispatch(MS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void arrivals_reportedOncePerAdmittedJob_notForARefusedOneOrARequeue() {
        List<String> arrived = new ArrayList<>();
        Strategy fifo = new Fifo();
        Strategy recording = new Strategy() {
            @Override
            public Decision next(WorkerView worker, Waiting waiting, Workers workers, long nowNanos) {
                return fifo.next(worker, waiting, workers, nowNanos);
            }

            @Override
            public void arrived(Job<?> job, long nowNanos) {
                arrived.add(job.payload() + " at " + nowNanos);
            }
        };
        Dispatcher<String> d = new Dispatcher<>(recording, 2, 1, extra -> { });
        d.submit("a", 0, "j1", MS);
        d.submit("a", 0, "j2", 2 * MS);
        d.submit("a", 0, "j3", 3 * MS);   // both workers busy: j3 waits
        assertThatThrownBy(() -> d.submit("a", 0, "j4", 4 * MS)).isInstanceOf(QueueFullException.class);
        d.undelivered(0, true, true, 5 * MS);   // j1 waits again: not a new arrival

        assertThat(arrived).containsExactly("j1 at 1000000", "j2 at 2000000", "j3 at 3000000");
    }

    @Test
    void undelivered_withoutRequeue_dropsJob_andCountsItFailedOnTheWorker() {
        Dispatcher<String> d = new Dispatcher<>(new Affinity(), 2, 10);
        d.submit("m1", 0, "1", 0);
        assertThat(d.undelivered(0, false, true, MS)).isNull();
        assertThat(d.queued()).isZero();
        assertThat(d.workers().get(0).failed()).isOne();
    }

    @Test
    void complete_withAClockReadBeforeALaterSubmit_startsTheNextJobNoEarlierThanItsSubmission() {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 1, 10);
        d.submit("m1", 0, "1", 0);
        d.submit("m1", 0, "2", 10 * MS);  // its submitter took the lock first

        Assignment<String> next = d.complete(0, Outcome.DONE, 5 * MS);

        assertThat(next.job().payload()).isEqualTo("2");
        assertThat(next.decidedNanos()).isEqualTo(10 * MS);
    }

    @Test
    void dropped_takesTheWorkerDown_andCountsTheJobNeitherFailedNorItsLoad_norQueuesIt() throws InterruptedException {
        Dispatcher<String> d = new Dispatcher<>(new Affinity(), 2, 10);
        Job<String> job = d.submit("m1", 0, "1", 0).assignment().job();

        d.dropped(0, job, MS);
        d.dropped(0, job, MS);  // once only

        assertThat(d.queued()).isZero();
        assertThat(d.workers().get(0)).extracting(WorkerSnapshot::state, WorkerSnapshot::failed, WorkerSnapshot::loads)
                .containsExactly(WorkerState.DOWN, 0L, 0L);
        assertThat(d.awaitIdle(0, TimeUnit.NANOSECONDS)).isTrue();
    }

    @Test
    void submit_manyWorkers_goesToTheFirstFreeHolderById_whereverItSits() {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 200, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(d.submit("m1", 0, "m1-" + i, i * MS).assignment().worker()).isEqualTo(i);
        }
        d.complete(2, Outcome.DONE, 10 * MS);  // workers 1 and 2 now hold m1 and are free
        d.complete(1, Outcome.DONE, 11 * MS);

        assertThat(d.submit("m1", 0, "next", 12 * MS).assignment().worker()).isEqualTo(1);
        assertThat(d.submit("m1", 0, "then", 13 * MS).assignment().worker()).isEqualTo(2);
        assertThat(d.submit("m1", 0, "new", 14 * MS).assignment().worker()).isEqualTo(3);  // the first empty one
    }

    @Test
    void submit_fewFreeHoldersBehindManyFreeWorkers_goesToTheLowestIdOfThem() {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 200, 1_000);
        for (int i = 0; i < 150; i++) {
            d.submit("x" + i, 0, "x" + i, i);                    // workers 0 to 149
        }
        d.submit("m1", 0, "first", 150);                         // worker 150
        for (int i = 151; i < 160; i++) {
            d.submit("y" + i, 0, "y" + i, i);
        }
        assertThat(d.submit("m1", 0, "second", 160).assignment().worker()).isEqualTo(160);
        d.complete(160, Outcome.DONE, 200);
        d.complete(150, Outcome.DONE, 201);
        for (int i = 3; i < 150; i++) {
            d.complete(i, Outcome.DONE, 300 + i);               // free, holding other models
        }

        assertThat(d.submit("m1", 0, "next", 500).assignment().worker()).isEqualTo(150);
    }

    @Test
    void undelivered_withoutRequeue_releasedModel_isOfferedToIdleWorkerThatRefusedIt() {
        List<Assignment<String>> handedOff = new ArrayList<>();
        Dispatcher<String> d = new Dispatcher<>(new ExclusiveAffinity(), 2, 10, handedOff::add);
        d.submit("m1", 0, "1", 0);
        assertThat(d.submit("m1", 0, "2", MS).assignment()).isNull();  // worker 0 holds m1
        // job 1's try broke twice (or its client left): it fails, worker 0 goes down and lets m1 go
        assertThat(d.undelivered(0, false, true, 2 * MS)).isNull();
        assertThat(handedOff).extracting(a -> a.worker() + ":" + a.job().payload()).containsExactly("1:2");
    }

    @Test
    void complete_loadFailed_releasedModel_isOfferedToIdleWorkerThatRefusedIt() {
        List<Assignment<String>> handedOff = new ArrayList<>();
        // worker 0 prefers m2; worker 1 runs only m1, and only while no other worker holds it
        Strategy strategy = (worker, waiting, workers, nowNanos) -> {
            if (worker.id() == 0) {
                Job<?> m2 = waiting.head("m2");
                return Decision.run(m2 != null ? m2 : waiting.oldestHead(), "worker 0");
            }
            Job<?> m1 = waiting.head("m1");
            return m1 != null && waiting.holders("m1") == 0 ? Decision.run(m1, "m1") : Decision.idle("only m1");
        };
        Dispatcher<String> d = new Dispatcher<>(strategy, 2, 10, handedOff::add);
        d.submit("m1", 0, "1", 0);
        assertThat(d.submit("m1", 0, "2", MS).assignment()).isNull();
        assertThat(d.submit("m2", 0, "3", MS).assignment()).isNull();
        // worker 0 could not load m1: it takes m2, and m1 is free for worker 1
        assertThat(d.complete(0, Outcome.LOAD_FAILED, 2 * MS).job().payload()).isEqualTo("3");
        assertThat(handedOff).extracting(a -> a.worker() + ":" + a.job().payload()).containsExactly("1:2");
    }

    @Test
    void markDown_releasedModel_isOfferedToIdleWorkerThatRefusedIt() {
        List<Assignment<String>> handedOff = new ArrayList<>();
        Dispatcher<String> d = new Dispatcher<>(new ExclusiveAffinity(), 2, 10, handedOff::add);
        d.submit("m1", 0, "1", 0);
        // worker 1 may not take m1 while worker 0 holds it
        assertThat(d.submit("m1", 0, "2", MS).assignment()).isNull();
        d.markDown(0, 2 * MS);
        assertThat(handedOff).singleElement().satisfies(a -> {
            assertThat(a.worker()).isEqualTo(1);
            assertThat(a.job().payload()).isEqualTo("2");
        });
    }

    @Test
    void awaitIdle_trueOnceEverythingEnded() throws InterruptedException {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 1, 10);
        d.submit("m1", 0, "1", 0);
        assertThat(d.awaitIdle(0, TimeUnit.NANOSECONDS)).isFalse();
        d.complete(0, Outcome.DONE, MS);
        assertThat(d.awaitIdle(0, TimeUnit.NANOSECONDS)).isTrue();
    }

    @Test
    void submit_strategyChoosingAJobThatIsNotWaiting_runsTheOldestJob_andCountsTheFailure() {
        Job<String> stranger = Job.of(99, "m1", 0, 0, "x");
        Dispatcher<String> d = new Dispatcher<>((w, waiting, all, now) -> Decision.run(stranger, "bad"), 1, 10);

        Assignment<String> a = d.submit("m1", 0, "1", 0).assignment();

        assertThat(a.job().payload()).isEqualTo("1");
        assertThat(a.lazyReason().get()).contains("strategy failed", "not waiting");
        assertThat(d.strategyFailures()).isOne();
        assertThat(d.queued()).isZero();
    }

    @Test
    void submit_strategyChoosingAnotherDispatchersJobWithTheSameId_runsTheOldestJob_andCountsTheFailure() {
        // one strategy shared by two dispatchers, proposing a job it remembers from the other
        Dispatcher<String> other = new Dispatcher<>(new Fifo(), 1, 10);
        other.submit("m1", 0, "theirs", 0);
        Job<String> theirs = other.runningJob(0);
        Dispatcher<String> d = new Dispatcher<>((w, waiting, all, now) -> Decision.run(theirs, "remembered"), 1, 10);

        Assignment<String> a = d.submit("m1", 0, "mine", 0).assignment();

        assertThat(theirs.id()).isEqualTo(a.job().id());
        assertThat(a.job().payload()).isEqualTo("mine");
        assertThat(a.lazyReason().get()).contains("not waiting");
        assertThat(d.strategyFailures()).isOne();
        assertThat(d.queued()).isZero();
    }

    @Test
    void complete_strategyThrowingOrAnsweringNull_runsTheOldestJob_andKeepsTheWorker() {
        int[] calls = {0};
        Strategy broken = (w, waiting, all, now) -> {
            if (calls[0]++ % 2 == 0) {
                throw new IllegalArgumentException("boom");
            }
            return null;
        };
        Dispatcher<String> d = new Dispatcher<>(broken, 1, 10);
        d.submit("a", 0, "j1", 0);                  // throws: j1 runs
        d.submit("b", 0, "j2", MS);
        d.submit("a", 0, "j3", 2 * MS);

        Assignment<String> next = d.complete(0, Outcome.DONE, 3 * MS);  // null: the oldest, j2, runs

        assertThat(next.job().payload()).isEqualTo("j2");
        assertThat(next.lazyReason().get()).contains("returned null");
        assertThat(d.complete(0, Outcome.DONE, 4 * MS).job().payload()).isEqualTo("j3");
        assertThat(d.strategyFailures()).isEqualTo(3);
        assertThat(d.workers().get(0).completed()).isEqualTo(2);
    }

    @Test
    void submitAndComplete_strategyThrowingWhileLearning_admitAndCompleteAnyway() {
        Strategy fifo = new Fifo();
        Strategy forgetful = new Strategy() {
            @Override
            public Decision next(WorkerView worker, Waiting waiting, Workers workers, long nowNanos) {
                return fifo.next(worker, waiting, workers, nowNanos);
            }

            @Override
            public void arrived(Job<?> job, long nowNanos) {
                throw new IllegalStateException("arrived");
            }

            @Override
            public void observe(JobCost cost) {
                throw new IllegalStateException("observe");
            }
        };
        Dispatcher<String> d = new Dispatcher<>(forgetful, 1, 10);
        d.submit("a", 0, "j1", 0);
        d.submit("a", 0, "j2", MS);

        Assignment<String> next = d.complete(0, Outcome.DONE, 2 * MS, new JobCost("a", true, MS, 2 * MS));

        assertThat(next.job().payload()).isEqualTo("j2");
        assertThat(d.strategyFailures()).isEqualTo(3);
    }

    @Test
    void strategyFailures_theFirstAndEveryTenfold_areLeftToLogAfterTheLock() {
        Strategy broken = new Strategy() {
            @Override
            public Decision next(WorkerView worker, Waiting waiting, Workers workers, long nowNanos) {
                throw new IllegalStateException("boom");
            }

            @Override
            public String toString() {
                throw new UnsupportedOperationException("no name either");
            }
        };
        Dispatcher<String> d = new Dispatcher<>(broken, 1, 100);
        for (int i = 0; i < 12; i++) {
            d.submit("m1", 0, "j" + i, i * MS);
            d.complete(0, Outcome.DONE, i * MS + 1);
        }

        assertThat(d.strategyFailures()).isEqualTo(12);
        Dispatcher.StrategyFailure first = d.takeStrategyFailure();
        assertThat(first.message()).contains(broken.getClass().getName(), "failed (1 time(s) so far)", "oldest job runs");
        assertThat(first.cause()).hasMessage("boom");
        assertThat(d.takeStrategyFailure().message()).contains("failed (10 time(s) so far)");
        assertThat(d.takeStrategyFailure()).isNull();
    }

    @Test
    void undelivered_afterShutdownTookTheQueue_waitsToBeFailed_notHandedToAnotherWorker() {
        List<Assignment<String>> handedOff = new ArrayList<>();
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 2, 10, handedOff::add, true);
        d.submit("a", 0, "j1", 0);                  // worker 0; worker 1 stays free
        d.close();
        assertThat(d.removeAllWaiting()).isEmpty();

        assertThat(d.undelivered(0, true, true, MS)).isNull();

        assertThat(handedOff).isEmpty();
        assertThat(d.removeAllWaiting()).extracting(Job::payload).containsExactly("j1");
        assertThat(d.workers().get(1).state()).isEqualTo(WorkerState.IDLE);
    }

    @Test
    void markUp_retiredWorker_staysDown() {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 2, 10, extra -> { }, true);
        d.retire(0, 0);
        d.submit("a", 0, "j1", MS);                 // worker 1
        d.submit("a", 0, "j2", MS);                 // waits

        assertThat(d.markUp(0, 2 * MS)).isNull();
        assertThat(d.isDown(0)).isTrue();
        assertThat(d.queued()).isOne();
    }

    @Test
    void retire_everyWorker_refusesNewJobs_sayingNoWorkerIsLeft() {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 2, 10, extra -> { }, true);
        d.retire(0, 0);
        d.submit("a", 0, "j1", MS);                 // worker 1 still takes jobs

        d.retire(1, 2 * MS);

        assertThatThrownBy(() -> d.submit("a", 0, "j2", 3 * MS)).isInstanceOf(ShutdownException.class)
                .hasMessage("no worker left: every worker loop died; no new jobs are accepted");
        assertThat(d.queued()).isZero();
    }

    @Test
    void submit_clockReadBeforeAnEarlierSubmission_keepsSubmitTimesInAdmissionOrder() {
        Dispatcher<String> d = new Dispatcher<>(new Fifo(), 1, 10, extra -> { }, true);
        d.expireAtDispatch(10 * MS);
        d.submit("a", 0, "running", 0);
        d.submit("a", 0, "j1", 5 * MS);
        Job<String> late = d.submit("b", 0, "j2", 4 * MS).job();  // its caller read the clock first

        assertThat(late.submittedNanos()).isEqualTo(5 * MS);
        d.complete(0, Outcome.DONE, 16 * MS);       // both waited 11 ms: both expire, none runs
        assertThat(d.takeExpired().payload()).isEqualTo("j1");
        assertThat(d.takeExpired().payload()).isEqualTo("j2");
    }
}
