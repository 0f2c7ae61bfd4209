package io.smartlb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.smartlb.core.strategy.Affinity;
import io.smartlb.core.strategy.Fifo;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The threaded runtime with real worker threads. Jobs block on a gate the test opens, so the
 * order of events is decided by the test, never by timing.
 */
final class BalancerTest {

    private static final long TIMEOUT_S = 10;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private Balancer<String, String> balancer;

    /** Records "worker:model:data", waits at the gate on the first job, fails on data "boom". */
    private String work(Task<String> task) throws Exception {
        ran.add(task.worker() + ":" + task.model() + ":" + task.data());
        firstStarted.countDown();
        if (!gate.await(TIMEOUT_S, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate never opened");
        }
        if ("boom".equals(task.data())) {
            throw new IllegalArgumentException("boom on " + task.model());
        }
        return task.model() + "/" + task.data();
    }

    /** Records "worker:data", waits at the gate, then throws {@code failure}: its try was not delivered. */
    private Work<String, String> undeliveredAtTheGate(NotDeliveredException failure) {
        return task -> {
            ran.add(task.worker() + ":" + task.data());
            firstStarted.countDown();
            if (!gate.await(TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
            throw failure;
        };
    }

    // fifo, adding every cost it is told to observed
    private static Strategy costsInto(List<JobCost> observed) {
        Strategy fifo = new Fifo();
        return new Strategy() {
            @Override
            public Decision next(WorkerView worker, Waiting waiting, Workers workers, long nowNanos) {
                return fifo.next(worker, waiting, workers, nowNanos);
            }

            @Override
            public void observe(JobCost cost) {
                observed.add(cost);
            }
        };
    }

    // in a listener: tells the test where its thread is, then holds it there until the test goes on
    private static void signalThenAwait(CountDownLatch signal, CountDownLatch goOn) {
        signal.countDown();
        try {
            goOn.await(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Balancer<String, String> start(int workers) {
        balancer = Balancer.<String, String>builder(this::work)
                .workers(workers).strategy(new Affinity()).executor(executor).capacity(100).build();
        return balancer;
    }

    @AfterEach
    void stop() throws InterruptedException {
        gate.countDown();
        if (balancer != null) {
            balancer.shutdown(Duration.ofSeconds(TIMEOUT_S));
        }
        executor.shutdownNow();
    }

    private static <T> T await(JobHandle<?, T> job) {
        return job.result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join();
    }

    @Test
    void build_executorThatCannotRunEveryLoop_failsAndStopsTheLoopsItStarted() throws InterruptedException {
        ExecutorService oneThread = Executors.newFixedThreadPool(1);
        try {
            // the second loop would wait in the pool's queue, and with it every job given to worker 1
            assertThatThrownBy(() -> Balancer.<String, String>builder(this::work)
                    .workers(2).strategy(new Affinity()).executor(oneThread).startTimeout(Duration.ofMillis(500)).build())
                    .isInstanceOf(IllegalStateException.class)
                    // 1 of 2, or 0 if the pool's one thread has not even started within the timeout
                    .hasMessageMatching("the executor started [01] of 2 worker loops within 500ms; it must run them all at once,"
                            + " e\\.g\\. Executors\\.newFixedThreadPool\\(2\\)");
        } finally {
            oneThread.shutdown();
        }
        // both loops found their stop signal: the pool's thread is free and the pool ends
        assertThat(oneThread.awaitTermination(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void build_startTimeoutNotPositive_isRefused() {
        assertThatThrownBy(() -> Balancer.<String, String>builder(this::work).startTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("startTimeout must be positive: 0s");
    }

    @Test
    void build_executorThatRejectsALoop_failsAndStopsTheLoopsItStarted() throws InterruptedException {
        ThreadPoolExecutor oneLoop = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>());
        try {
            assertThatThrownBy(() -> Balancer.<String, String>builder(this::work)
                    .workers(2).strategy(new Affinity()).executor(oneLoop).build())
                    .isInstanceOf(RejectedExecutionException.class);
        } finally {
            oneLoop.shutdown();
        }
        assertThat(oneLoop.awaitTermination(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void submit_seed_oneWorkerRunsQueuedJobsOfItsModelFirst() throws InterruptedException {
        start(1);
        JobHandle<String, String> first = balancer.submit("olia", "1", 0);
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        List<JobHandle<String, String>> rest = List.of(
                balancer.submit("olia1", "2", 0), balancer.submit("olia", "3", 0), balancer.submit("olia", "4", 0));
        gate.countDown();
        assertThat(await(first)).isEqualTo("olia/1");
        rest.forEach(BalancerTest::await);
        assertThat(ran).containsExactly("0:olia:1", "0:olia:3", "0:olia:4", "0:olia1:2");
        assertThat(balancer.workers().get(0).loads()).isEqualTo(2);
    }

    @Test
    void submit_seed_twoWorkersKeepOneModelEach() {
        // all four are queued before any ends, and jobs meet pairwise at a barrier,
        // so neither worker can run ahead and take the other's model
        CyclicBarrier pairs = new CyclicBarrier(2);
        balancer = Balancer.<String, String>builder(task -> {
            ran.add(task.worker() + ":" + task.model() + ":" + task.data());
            gate.await(TIMEOUT_S, TimeUnit.SECONDS);
            pairs.await(TIMEOUT_S, TimeUnit.SECONDS);
            return task.data();
        }).workers(2).strategy(new Affinity()).executor(executor).build();
        List<JobHandle<String, String>> jobs = List.of(balancer.submit("olia", "1", 0),
                balancer.submit("olia1", "2", 0), balancer.submit("olia", "3", 0), balancer.submit("olia1", "4", 0));
        gate.countDown();
        jobs.forEach(BalancerTest::await);
        assertThat(ran).containsExactlyInAnyOrder("0:olia:1", "1:olia1:2", "0:olia:3", "1:olia1:4");
        assertThat(jobs).extracting(JobHandle::worker).containsExactly(0, 1, 0, 1);
        assertThat(jobs).extracting(JobHandle::modelLoaded).containsExactly(true, true, false, false);
    }

    @Test
    void submit_seed_headStartJumpsAheadOfQueuedModel() throws InterruptedException {
        start(1);
        balancer.submit("olia", "1", 0);
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        List<JobHandle<String, String>> queued = List.of(balancer.submit("olia", "2", 0),
                balancer.submit("olia", "3", 0), balancer.submit("olia1", "4", 11));
        gate.countDown();
        queued.forEach(BalancerTest::await);
        assertThat(ran).containsExactly("0:olia:1", "0:olia1:4", "0:olia:2", "0:olia:3");
    }

    @Test
    void submit_failingJob_reportsErrorAndWorkerServesNext() {
        start(1);
        JobHandle<String, String> bad = balancer.submit("m1", "boom", 0);
        JobHandle<String, String> good = balancer.submit("m1", "ok", 0);
        gate.countDown();
        assertThatThrownBy(() -> await(bad)).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(JobFailedException.class).hasMessageContaining("boom on m1");
        assertThat(bad.status()).isEqualTo(JobStatus.FAILED);
        assertThat(bad.error()).isEqualTo("boom on m1");
        assertThat(await(good)).isEqualTo("m1/ok");
        assertThat(good.status()).isEqualTo(JobStatus.DONE);
        // the worker counts a job just after completing its future
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).untilAsserted(() -> {
            WorkerSnapshot w = balancer.workers().get(0);
            assertThat(w.failed()).isEqualTo(1);
            assertThat(w.completed()).isEqualTo(1);
            assertThat(w.model()).isEqualTo("m1");
        });
    }

    @Test
    void idleUntil_theWorkerIsAskedAgainAtThatTime_withNoOtherEvent() {
        long readyAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        Strategy notBefore = (worker, waiting, workers, nowNanos) -> nowNanos < readyAt
                ? Decision.idleUntil(readyAt, "not yet")
                : Decision.run(waiting.oldestHead(), "now");
        Balancer<String, String> b = Balancer.<String, String>builder(task -> task.model() + "/" + task.data())
                .workers(1).strategy(notBefore).executor(executor).build();
        try {
            JobHandle<String, String> job = b.submit("m1", "x", 0);
            // nothing arrives or ends after the submission: only the timer asks the worker again
            assertThat(job.result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join()).isEqualTo("m1/x");
            assertThat(job.startedNanos()).isGreaterThanOrEqualTo(readyAt);
        } finally {
            b.close();
        }
    }

    @Test
    void maxWait_aJobTheTimerFindsExpired_endsExpired_withNoOtherCall() {
        // the submitter reads 0 s; when the timer asks the idle worker again it is 5 s, past max-wait
        long fiveSeconds = TimeUnit.SECONDS.toNanos(5);
        Strategy notYet = (worker, waiting, workers, nowNanos) -> Decision.idleUntil(nowNanos + 1, "not yet");
        Balancer<String, String> b = Balancer.<String, String>builder(task -> task.data())
                .workers(1).strategy(notYet).executor(executor).maxWait(Duration.ofSeconds(1))
                .clock(() -> Thread.currentThread().getName().equals("smartlb-ask-again") ? fiveSeconds : 0L)
                .build();
        try {
            JobHandle<String, String> job = b.submit("m1", "x", 0);
            assertThatThrownBy(() -> job.result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join())
                    .hasCauseInstanceOf(JobExpiredException.class);
            assertThat(job.status()).isEqualTo(JobStatus.EXPIRED);
            assertThat(b.queued()).isZero();
        } finally {
            b.close();
        }
    }

    @Test
    void withWorkerState_stateSurvivesBetweenJobsOfOneWorker() {
        Work<String, Integer> counting = Work.withWorkerState(HashMap::new,
                (String model, String data, Map<String, Integer> state) -> state.merge(model, 1, Integer::sum));
        Balancer<String, Integer> b = Balancer.builder(counting)
                .workers(1).strategy(new Affinity()).executor(executor).build();
        try {
            List<Integer> counts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                counts.add(b.submit("m1", "x", 0).result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join());
            }
            assertThat(counts).containsExactly(1, 2, 3);
        } finally {
            b.close();
        }
    }

    @Test
    void failedJob_teachesTheStrategyNoCost_aDoneOneDoes() {
        List<JobCost> observed = Collections.synchronizedList(new ArrayList<>());
        balancer = Balancer.<String, String>builder(task -> {
            if ("timeout".equals(task.data())) {
                throw new IllegalStateException("upstream timed out after 8000 ms");  // how long says nothing of a load
            }
            return task.data();
        }).workers(1).strategy(costsInto(observed)).executor(executor).build();

        JobHandle<String, String> failed = balancer.submit("m1", "timeout", 0);
        assertThatThrownBy(() -> failed.result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join())
                .hasMessageContaining("timed out");
        assertThat(balancer.submit("m2", "ok", 0).result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join()).isEqualTo("ok");

        assertThat(observed).extracting(JobCost::model, JobCost::loaded).containsExactly(tuple("m2", true));
    }

    @Test
    void doneJobWhoseResultTellsNoCost_teachesTheStrategyNothing() {
        List<JobCost> observed = Collections.synchronizedList(new ArrayList<>());
        balancer = Balancer.<String, String>builder(task -> task.data())
                .workers(1).strategy(costsInto(observed)).executor(executor)
                .tellsCost(result -> !result.startsWith("upstream answered 504")).build();

        balancer.submit("m1", "upstream answered 504", 0).result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join();
        balancer.submit("m2", "ok", 0).result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join();

        assertThat(observed).extracting(JobCost::model).containsExactly("m2");
    }

    @Test
    void loadFailure_failsJobAndLeavesWorkerEmpty() {
        Balancer<String, String> b = Balancer.<String, String>builder(task -> {
            throw new ModelLoadException("out of memory");
        }).workers(1).strategy(new Affinity()).executor(executor).build();
        try {
            JobHandle<String, String> job = b.submit("m1", null, 0);
            assertThatThrownBy(() -> await(job)).hasMessageContaining("loading model m1 failed: out of memory");
            // the job fails first, then its worker reports the failed load
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).untilAsserted(() -> {
                assertThat(b.workers().get(0).model()).isNull();
                assertThat(b.workers().get(0).state()).isEqualTo(WorkerState.IDLE);
            });
        } finally {
            b.close();
        }
    }

    @Test
    void notDelivered_jobRunsOnAnotherWorkerOnceAndFirstWorkerGoesDown() {
        Balancer<String, String> b = Balancer.<String, String>builder(task -> {
            if (task.worker() == 0) {
                throw new NotDeliveredException("connection reset before any answer", null);
            }
            return "ran on " + task.worker();
        }).workers(2).strategy(new Affinity()).executor(executor).build();
        try {
            JobHandle<String, String> job = b.submit("m1", null, 0);
            assertThat(await(job)).isEqualTo("ran on 1");
            assertThat(b.workers().get(0).state()).isEqualTo(WorkerState.DOWN);  // down before the retry
        } finally {
            b.close();
        }
    }

    @Test
    void notDelivered_mayHaveReached_listenerHearsTheRequeueBeforeTheRetry_andBothLoadsCount() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        JobListener listener = new JobListener() {
            @Override
            public void started(JobHandle<?, ?> job) {
                events.add("started on " + job.worker());
            }

            @Override
            public void requeued(JobHandle<?, ?> job, int worker, boolean loaded, NotDeliveredException reason) {
                events.add("requeued from " + worker + (loaded ? " after a load" : "") + (reason.mayHaveReached() ? ", may have run" : ""));
            }
        };
        Balancer<String, String> b = Balancer.<String, String>builder(task -> {
            if (task.worker() == 0) {
                throw new NotDeliveredException("connection reset before any answer", null);
            }
            return "ran on " + task.worker();
        }).workers(2).strategy(new Affinity()).executor(executor).listener(listener).build();
        try {
            assertThat(await(b.submit("m1", null, 0))).isEqualTo("ran on 1");

            assertThat(events).containsExactly("started on 0", "requeued from 0 after a load, may have run", "started on 1");
            // worker 0 may have loaded m1 before the connection broke; worker 1 did
            assertThat(b.workers()).extracting(WorkerSnapshot::loads).containsExactly(1L, 1L);
        } finally {
            b.close();
        }
    }

    @Test
    void notDelivered_twice_failsJob() {
        Balancer<String, String> b = Balancer.<String, String>builder(task -> {
            throw new NotDeliveredException("connection reset by " + task.worker() + " before any answer", null);
        }).workers(2).strategy(new Affinity()).executor(executor).build();
        try {
            JobHandle<String, String> job = b.submit("m1", null, 0);
            assertThatThrownBy(() -> await(job)).hasMessageContaining("failed twice before any answer");
            // the job fails once its worker is marked down, and its result completes after that
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).untilAsserted(() ->
                    assertThat(b.workers()).extracting(WorkerSnapshot::state)
                            .containsExactly(WorkerState.DOWN, WorkerState.DOWN));
        } finally {
            b.close();
        }
    }

    @Test
    void refused_onEveryWorker_jobWaitsUntilAWorkerComesBack() {
        AtomicBoolean refusing = new AtomicBoolean(true);
        Balancer<String, String> b = Balancer.<String, String>builder(task -> {
            if (refusing.get()) {
                throw NotDeliveredException.refused("connection refused by " + task.worker(), null);
            }
            return "ran on " + task.worker();
        }).workers(2).strategy(new Affinity()).executor(executor).build();
        try {
            JobHandle<String, String> job = b.submit("m1", null, 0);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).untilAsserted(() ->
                    assertThat(b.workers()).extracting(WorkerSnapshot::state)
                            .containsExactly(WorkerState.DOWN, WorkerState.DOWN));
            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);

            refusing.set(false);
            b.markUp(1);
            assertThat(await(job)).isEqualTo("ran on 1");
        } finally {
            b.close();
        }
    }

    @Test
    void notDelivered_onlyConnectionsThatMayHaveReachedTheWorker_countTowardTwice() {
        // each attempt throws the next of these; the one worker is brought back after each
        List<NotDeliveredException> attempts = List.of(
                NotDeliveredException.refused("refused", null),
                new NotDeliveredException("reset before any answer", null),
                NotDeliveredException.refused("refused", null),
                NotDeliveredException.refused("refused", null),
                new NotDeliveredException("reset before any answer", null));
        AtomicLong attempt = new AtomicLong();
        Balancer<String, String> b = Balancer.<String, String>builder(task -> {
            throw attempts.get((int) attempt.getAndIncrement());
        }).workers(1).strategy(new Affinity()).executor(executor).build();
        try {
            JobHandle<String, String> job = b.submit("m1", null, 0);
            for (int i = 1; i < attempts.size(); i++) {
                long tried = i;
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).until(() ->
                        attempt.get() == tried && b.workers().get(0).state() == WorkerState.DOWN);
                assertThat(job.status()).as("after attempt %d", i).isEqualTo(JobStatus.QUEUED);
                b.markUp(0);  // as a passing health probe does
            }
            assertThatThrownBy(() -> await(job)).hasMessageContaining("failed twice before any answer");
            assertThat(attempt.get()).isEqualTo(5);
        } finally {
            b.close();
        }
    }

    @Test
    void markUp_duringTheDrain_servesQueuedJobs_afterShutdownIsIgnored() throws Exception {
        Balancer<String, String> b = Balancer.<String, String>builder(task -> "ran on " + task.worker())
                .workers(1).strategy(new Affinity()).executor(executor).build();
        b.markDown(0);
        JobHandle<String, String> job = b.submit("m1", null, 0);
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return b.shutdown(Duration.ofSeconds(TIMEOUT_S));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, executor);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).until(b::isShuttingDown);

        b.markUp(0);  // the upstream came back while draining

        assertThat(await(job)).isEqualTo("ran on 0");
        assertThat(drained.get(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        b.markDown(0);
        b.markUp(0);  // the loops have stopped: nothing may be handed to them
        assertThat(b.workers().get(0).state()).isEqualTo(WorkerState.DOWN);
    }

    @Test
    void cancel_queuedJob_completesItCancelled() throws InterruptedException {
        start(1);
        JobHandle<String, String> running = balancer.submit("m1", "1", 0);
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        JobHandle<String, String> queued = balancer.submit("m1", "2", 0);
        assertThat(balancer.cancel(running)).isFalse();
        assertThat(balancer.cancel(queued)).isTrue();
        assertThat(queued.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(queued.error()).isEqualTo("cancelled");
        assertThat(queued.result()).isCompletedExceptionally();
        assertThatThrownBy(() -> queued.result().join()).hasCauseInstanceOf(CancellationException.class);
        gate.countDown();
        await(running);
        assertThat(ran).containsExactly("0:m1:1");
    }

    @Test
    void cancel_anotherBalancersJobWithTheSameId_cancelsNothing() throws InterruptedException {
        start(1);
        balancer.submit("m1", "1", 0);
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        JobHandle<String, String> mine = balancer.submit("m1", "2", 0);
        try (Balancer<String, String> other = Balancer.<String, String>builder(task -> "other")
                .workers(1).strategy(new Fifo()).executor(executor).build()) {
            other.markDown(0);  // its jobs stay queued
            other.submit("m1", "a", 0);
            JobHandle<String, String> theirs = other.submit("m1", "b", 0);
            assertThat(theirs.id()).isEqualTo(mine.id());

            assertThat(balancer.cancel(theirs)).isFalse();
            assertThat(balancer.abandon(theirs)).isFalse();

            assertThat(theirs.isAbandoned()).isFalse();
            assertThat(theirs.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(mine.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(balancer.queued()).isOne();
        }
        gate.countDown();
        assertThat(await(mine)).isEqualTo("m1/2");
    }

    @Test
    void expire_jobWaitingPastMaxWait_endsExpired() throws InterruptedException {
        AtomicLong clock = new AtomicLong();
        balancer = Balancer.<String, String>builder(this::work)
                .workers(1).strategy(new Affinity()).executor(executor).clock(clock::get).build();
        balancer.submit("m1", "1", 0);
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        JobHandle<String, String> old = balancer.submit("m1", "2", 0);
        clock.set(Duration.ofSeconds(2).toNanos());
        JobHandle<String, String> young = balancer.submit("m1", "3", 0);
        clock.set(Duration.ofMillis(2_500).toNanos());
        assertThat(balancer.expire(Duration.ofSeconds(1))).containsExactly(old);
        assertThat(old.status()).isEqualTo(JobStatus.EXPIRED);
        assertThatThrownBy(() -> old.result().join()).hasCauseInstanceOf(JobExpiredException.class);
        gate.countDown();
        assertThat(await(young)).isEqualTo("m1/3");
    }

    @Test
    void maxWait_jobThatWaitedLonger_isNeverStarted_andEndsExpiredWhenTheWorkerFreesUp() throws InterruptedException {
        AtomicLong clock = new AtomicLong();
        balancer = Balancer.<String, String>builder(this::work)
                .workers(1).strategy(new Affinity()).executor(executor).clock(clock::get)
                .maxWait(Duration.ofSeconds(1)).build();
        balancer.submit("m1", "1", 0);
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        JobHandle<String, String> old = balancer.submit("m1", "2", 0);
        clock.set(Duration.ofMillis(1_500).toNanos());
        JobHandle<String, String> young = balancer.submit("m1", "3", 0);

        gate.countDown();  // the worker frees up 1.5 s after "2" came: no housekeeping ran meanwhile

        assertThat(await(young)).isEqualTo("m1/3");
        assertThat(old.status()).isEqualTo(JobStatus.EXPIRED);
        assertThat(old.error()).isEqualTo("waited longer than 1000 ms in the queue");
        assertThat(ran).containsExactly("0:m1:1", "0:m1:3");
    }

    @Test
    void expire_jobWhoseEarlierTryMayHaveRun_endsExpiredSayingItMayHaveRun() {
        // its upstream died mid-job
        JobHandle<String, String> job = queuedAgainPastMaxWait(new NotDeliveredException("connection reset before any answer", null));

        assertThat(job.status()).isEqualTo(JobStatus.EXPIRED);
        assertThat(job.error()).isEqualTo("waited longer than 1000 ms in the queue, after an earlier try that failed before"
                + " any answer and may have run (connection reset before any answer)");
    }

    @Test
    void expire_jobRefusedBeforeItReachedAWorker_endsExpiredAsOneThatNeverStarted() {
        JobHandle<String, String> job = queuedAgainPastMaxWait(NotDeliveredException.refused("connection refused", null));

        assertThat(job.status()).isEqualTo(JobStatus.EXPIRED);
        assertThat(job.error()).isEqualTo("waited longer than 1000 ms in the queue");
    }

    @Test
    void abandon_queuedJob_isCancelled() {
        balancer = start(1);
        balancer.submit("m1", "1", 0);
        JobHandle<String, String> queued = balancer.submit("m2", "2", 0);

        assertThat(balancer.abandon(queued)).isTrue();
        assertThat(queued.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(queued.error()).isEqualTo("cancelled: its client left while it was queued");
        gate.countDown();
    }

    @Test
    void abandon_runningJob_goesOn_butIsNotSentAgainWhenItsTryFailsBeforeAnyAnswer() throws InterruptedException {
        NotDeliveredException reset = new NotDeliveredException("connection reset before any answer", null);
        balancer = Balancer.<String, String>builder(undeliveredAtTheGate(reset))
                .workers(2).strategy(new Affinity()).executor(executor).build();
        JobHandle<String, String> job = balancer.submit("m1", "1", 0);
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();

        assertThat(balancer.abandon(job)).isFalse();  // its client left while it ran
        gate.countDown();

        Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).until(() -> job.status().isFinal());
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo("its client left while it ran, and it failed before any answer: not sent again"
                + " (connection reset before any answer)");
        assertThat(ran).containsExactly("0:1");  // the other worker never got it
    }

    @Test
    void abandon_runningJobWhoseTryIsRefused_isCancelled_asItNeverRan_andNotSentToTheFreeWorker() throws InterruptedException {
        NotDeliveredException refused = NotDeliveredException.refused("connection refused", null);
        balancer = Balancer.<String, String>builder(undeliveredAtTheGate(refused))
                .workers(2).strategy(new Affinity()).executor(executor).build();
        JobHandle<String, String> job = balancer.submit("m1", "1", 0);
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();

        assertThat(balancer.abandon(job)).isFalse();
        gate.countDown();

        Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).until(() -> job.status().isFinal());
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.error()).isEqualTo("cancelled: its client left while it ran, and its try never reached the worker"
                + " (connection refused)");
        assertThat(job.worker()).isEqualTo(-1);
        assertThat(ran).containsExactly("0:1");  // worker 1, free, never got it
        assertThat(balancer.workers()).extracting(WorkerSnapshot::failed, WorkerSnapshot::completed)
                .containsOnly(tuple(0L, 0L));
        assertThat(balancer.isDown(0)).isTrue();
    }

    @Test
    void abandon_runningJobWhoseTryIsRefused_wakesItsClientOnceTheWorkerNoLongerHoldsIt() throws Exception {
        balancer = Balancer.<String, String>builder(undeliveredAtTheGate(NotDeliveredException.refused("connection refused", null)))
                .workers(1).strategy(new Affinity()).executor(executor).build();
        JobHandle<String, String> job = balancer.submit("m1", "1", 0);
        CompletableFuture<Long> jobOfTheWorkerWhenWoken = job.result().handle((result, failure) -> balancer.workers().get(0).jobId());
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();

        balancer.abandon(job);
        gate.countDown();

        assertThat(jobOfTheWorkerWhenWoken.get(TIMEOUT_S, TimeUnit.SECONDS)).isNull();
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void shutdown_asTheListenerHearsAJobIsQueuedAgain_endsIt_andTheListenerHearsTheEndLast() throws Exception {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch inRequeued = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        balancer = Balancer.<String, String>builder(task -> {
            throw NotDeliveredException.refused("connection refused", null);
        }).workers(1).strategy(new Fifo()).executor(executor).listener(new JobListener() {
            @Override
            public void requeued(JobHandle<?, ?> job, int worker, boolean loaded, NotDeliveredException reason) {
                signalThenAwait(inRequeued, release);
                heard.add("requeued");
            }

            @Override
            public void finished(JobHandle<?, ?> job) {
                heard.add("finished " + job.status());
            }
        }).build();
        JobHandle<String, String> job = balancer.submit("m1", "1", 0);
        assertThat(inRequeued.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();

        assertThat(balancer.shutdown(Duration.ZERO)).isFalse();  // the worker still holds the job
        release.countDown();

        Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).until(() -> heard.size() == 2);
        assertThat(heard).containsExactly("requeued", "finished FAILED");
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void listenerThrowingAVirtualMachineErrorWhenToldOfAStart_stillHearsTheJobEnd() {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        balancer = Balancer.<String, String>builder(task -> task.data())
                .workers(1).strategy(new Fifo()).executor(executor).listener(new JobListener() {
                    @Override
                    public void started(JobHandle<?, ?> job) {
                        throw new StackOverflowError("a listener's");  // kills the loop
                    }

                    @Override
                    public void finished(JobHandle<?, ?> job) {
                        heard.add("finished " + job.status());
                    }
                }).build();

        JobHandle<String, String> job = balancer.submit("m1", "1", 0);

        // the error ends the loop's thread, which the pool reports: not this test's failure
        Awaitility.await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(TIMEOUT_S))
                .until(() -> job.status().isFinal() && heard.size() == 1);
        assertThat(heard).containsExactly("finished FAILED");
    }

    @Test
    void abandon_asTheJobIsQueuedAgain_failsIt_sayingItMayHaveRun() {
        AtomicReference<Balancer<String, String>> self = new AtomicReference<>();
        AtomicReference<Boolean> cancelledAtTheRequeue = new AtomicReference<>();
        JobListener clientLeavesAtTheRequeue = new JobListener() {
            @Override
            public void requeued(JobHandle<?, ?> job, int worker, boolean loaded, NotDeliveredException reason) {
                @SuppressWarnings("unchecked")
                JobHandle<String, String> handle = (JobHandle<String, String>) job;
                cancelledAtTheRequeue.set(self.get().abandon(handle));
            }
        };
        balancer = Balancer.<String, String>builder(task -> {
            throw new NotDeliveredException("connection reset before any answer", null);
        }).workers(1).strategy(new Affinity()).executor(executor).listener(clientLeavesAtTheRequeue).build();
        self.set(balancer);

        JobHandle<String, String> job = balancer.submit("m1", "1", 0);

        Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).until(() -> job.status().isFinal());
        assertThat(cancelledAtTheRequeue.get()).isFalse();  // not in the queue yet
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo("its client left while it ran, and it failed before any answer: not sent again"
                + " (connection reset before any answer)");
    }

    @Test
    void shutdown_drainTimeout_failsAQueuedJobWhoseEarlierTryMayHaveRun_sayingSo() throws InterruptedException {
        balancer = Balancer.<String, String>builder(task -> {
            throw new NotDeliveredException("connection reset before any answer", null);
        }).workers(1).strategy(new Affinity()).executor(executor).build();
        JobHandle<String, String> job = balancer.submit("m1", "1", 0);
        Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).until(() -> balancer.isDown(0) && job.status() == JobStatus.QUEUED);

        assertThat(balancer.shutdown(Duration.ZERO)).isFalse();

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo("shutting down: the drain timeout passed before the job started again, after an earlier"
                + " try that failed before any answer and may have run (connection reset before any answer)");
    }

    // one worker, max-wait 1 s: the job's one try fails with failure, which takes the worker out of
    // service, and the job, queued again, is past max-wait 2 s after it came; returns it expired
    private JobHandle<String, String> queuedAgainPastMaxWait(NotDeliveredException failure) {
        AtomicLong clock = new AtomicLong();
        balancer = Balancer.<String, String>builder(task -> {
            throw failure;
        }).workers(1).strategy(new Affinity()).executor(executor).clock(clock::get).maxWait(Duration.ofSeconds(1)).build();
        JobHandle<String, String> job = balancer.submit("m1", "1", 0);
        Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).until(() -> balancer.isDown(0) && job.status() == JobStatus.QUEUED);
        clock.set(Duration.ofSeconds(2).toNanos());
        assertThat(balancer.expire(Duration.ofSeconds(1))).containsExactly(job);
        return job;
    }

    @Test
    void maxWait_aJobsWaitEndsWhenItIsChosen_notWhenItsThreadGetsToIt() throws InterruptedException {
        AtomicLong clock = new AtomicLong();
        JobListener slowToEndExpiredJobs = new JobListener() {
            @Override
            public void finished(JobHandle<?, ?> job) {
                if (job.status() == JobStatus.EXPIRED) {
                    clock.addAndGet(Duration.ofSeconds(1).toNanos());  // ending it takes a while
                }
            }
        };
        balancer = Balancer.<String, String>builder(this::work)
                .workers(1).strategy(new Fifo()).executor(executor).clock(clock::get)
                .listener(slowToEndExpiredJobs).maxWait(Duration.ofSeconds(1)).build();
        balancer.submit("m1", "1", 0);
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        JobHandle<String, String> expiring = balancer.submit("m1", "2", 0);
        clock.set(Duration.ofMillis(500).toNanos());
        JobHandle<String, String> next = balancer.submit("m1", "3", 0);
        clock.set(Duration.ofMillis(1_200).toNanos());

        gate.countDown();  // at 1.2 s: "2" expires, "3" (waited 0.7 s) is chosen; ending "2" takes 1 s

        assertThat(await(next)).isEqualTo("m1/3");
        assertThat(expiring.status()).isEqualTo(JobStatus.EXPIRED);
        assertThat(next.startedNanos() - next.submittedNanos()).isEqualTo(Duration.ofMillis(700).toNanos());
    }

    @Test
    void submit_queueFull_isRejected() throws InterruptedException {
        balancer = Balancer.<String, String>builder(this::work)
                .workers(1).strategy(new Affinity()).executor(executor).capacity(1).build();
        balancer.submit("m1", "1", 0);
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        balancer.submit("m1", "2", 0);
        assertThatThrownBy(() -> balancer.submit("m1", "3", 0)).isInstanceOf(QueueFullException.class);
    }

    @Test
    void listener_hearsEveryRefusal_withItsModelAndReason() throws InterruptedException {
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        JobListener listener = new JobListener() {
            @Override
            public void refused(String model, RejectedJobException reason) {
                refusals.add(model + " " + reason.getClass().getSimpleName());
            }
        };
        balancer = Balancer.<String, String>builder(this::work)
                .workers(1).strategy(new Affinity()).executor(executor).capacity(1).listener(listener).build();
        balancer.submit("m1", "1", 0);
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        balancer.submit("m1", "2", 0);

        assertThatThrownBy(() -> balancer.submit("m2", "3", 0)).isInstanceOf(QueueFullException.class);
        gate.countDown();
        balancer.shutdown(Duration.ofSeconds(TIMEOUT_S));
        assertThatThrownBy(() -> balancer.submit("m3", "4", 0)).isInstanceOf(ShutdownException.class);

        assertThat(refusals).containsExactly("m2 QueueFullException", "m3 ShutdownException");
    }

    @Test
    void builder_misconfigured_saysWhatToSet() {
        assertThatThrownBy(() -> Balancer.<String, String>builder(this::work).executor(executor).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no strategy: set one with strategy(...), e.g. strategy(new Affinity())");
        assertThatThrownBy(() -> Balancer.<String, String>builder(this::work).workers(3).strategy(new Fifo()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no executor: set one that runs every worker loop at once with executor(...),"
                        + " e.g. executor(Executors.newFixedThreadPool(3))");
        assertThatThrownBy(() -> Balancer.<String, String>builder(this::work).strategy(new Fifo()).executor(executor)
                .expiry(false).maxWait(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("maxWait(1s) needs expiry(true)");
        assertThatThrownBy(() -> Balancer.<String, String>builder(this::work).maxWait(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxWait must be zero (no limit) or positive, at most 106751d: -1s");
        assertThatThrownBy(() -> Balancer.<String, String>builder(this::work).maxWait(Duration.ofDays(106_752)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxWait must be zero (no limit) or positive, at most 106751d: 106752d");
    }

    @Test
    void result_completesOnceItsWorkersCountsAndTheListenerIncludeTheJob() throws Exception {
        AtomicLong finished = new AtomicLong();
        balancer = Balancer.<String, String>builder(this::work).workers(1).strategy(new Affinity()).executor(executor)
                .listener(new JobListener() {
                    @Override
                    public void finished(JobHandle<?, ?> job) {
                        finished.incrementAndGet();
                    }
                }).build();
        JobHandle<String, String> done = balancer.submit("m1", "1", 0);
        JobHandle<String, String> failed = balancer.submit("m1", "boom", 0);
        // stages added before the results complete run on the thread that completes them, at that moment
        CompletableFuture<List<Long>> atDone = done.result().thenApply(value -> seen(finished));
        CompletableFuture<List<Long>> atFailed = failed.result().handle((value, error) -> seen(finished));
        gate.countDown();

        // completed, failed, listener's finished
        assertThat(atDone.get(TIMEOUT_S, TimeUnit.SECONDS)).containsExactly(1L, 0L, 1L);
        assertThat(atFailed.get(TIMEOUT_S, TimeUnit.SECONDS)).containsExactly(1L, 1L, 2L);
    }

    private List<Long> seen(AtomicLong finished) {
        WorkerSnapshot worker = balancer.workers().get(0);
        return List.of(worker.completed(), worker.failed(), finished.get());
    }

    @Test
    void listenerThrowingWhenAJobEnds_losesNoJobAndKillsNoLoop() throws Exception {
        balancer = Balancer.<String, String>builder(this::work).workers(1).strategy(new Affinity()).executor(executor)
                .listener(new JobListener() {
                    @Override
                    public void finished(JobHandle<?, ?> job) {
                        throw new IllegalStateException("a bug in the listener");
                    }
                }).build();
        JobHandle<String, String> first = balancer.submit("m1", "1", 0);
        JobHandle<String, String> second = balancer.submit("m1", "2", 0);  // handed out as the first completes
        gate.countDown();

        assertThat(first.result().get(TIMEOUT_S, TimeUnit.SECONDS)).isEqualTo("m1/1");
        assertThat(second.result().get(TIMEOUT_S, TimeUnit.SECONDS)).isEqualTo("m1/2");
        assertThat(balancer.deadLoops()).isZero();
        assertThat(balancer.shutdown(Duration.ofSeconds(TIMEOUT_S))).isTrue();
    }

    @Test
    void shutdown_returnsOnceTheResultsOfTheJobsThatRanAreComplete() throws Exception {
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        balancer = Balancer.<String, String>builder(this::work).workers(1).strategy(new Affinity()).executor(executor)
                .listener(new JobListener() {
                    @Override
                    public void finished(JobHandle<?, ?> job) {
                        signalThenAwait(inListener, release);
                    }
                }).build();
        JobHandle<String, String> job = balancer.submit("m1", "1", 0);
        gate.countDown();
        assertThat(inListener.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();  // counted, result not yet complete

        CompletableFuture<Boolean> shutdown = CompletableFuture.supplyAsync(() -> {
            try {
                return balancer.shutdown(Duration.ofSeconds(TIMEOUT_S));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, executor);
        org.awaitility.Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(TIMEOUT_S))
                .until(() -> !shutdown.isDone());
        release.countDown();

        assertThat(shutdown.get(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        assertThat(job.result().getNow(null)).isEqualTo("m1/1");
    }

    @Test
    void shutdown_drainsQueuedJobsThenRefusesNewOnes() throws InterruptedException {
        start(1);
        JobHandle<String, String> a = balancer.submit("m1", "1", 0);
        JobHandle<String, String> b = balancer.submit("m2", "2", 0);
        gate.countDown();
        assertThat(balancer.shutdown(Duration.ofSeconds(TIMEOUT_S))).isTrue();
        assertThat(a.status()).isEqualTo(JobStatus.DONE);
        assertThat(b.status()).isEqualTo(JobStatus.DONE);
        assertThat(b.result().getNow(null)).isEqualTo("m2/2");  // complete by the time shutdown returns
        assertThatThrownBy(() -> balancer.submit("m1", "3", 0)).isInstanceOf(ShutdownException.class);
        assertThat(balancer.deadLoops()).isZero();
    }

    @Test
    void shutdown_drainTimeout_failsWhatIsLeft() throws InterruptedException {
        start(1);
        JobHandle<String, String> running = balancer.submit("m1", "1", 0);
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        JobHandle<String, String> queued = balancer.submit("m1", "2", 0);
        assertThat(balancer.shutdown(Duration.ZERO)).isFalse();
        assertThat(queued.status()).isEqualTo(JobStatus.FAILED);
        assertThat(queued.error()).contains("drain timeout");
        assertThat(running.status()).isEqualTo(JobStatus.FAILED);
        assertThat(running.error()).contains("drain timeout");
    }

    @Test
    void shutdown_listenerFailingAnAssertionOnEveryEnd_stillFailsEveryJobLeft_andStopsTheLoops() throws Exception {
        ExecutorService loops = Executors.newFixedThreadPool(2);
        balancer = Balancer.<String, String>builder(this::work).workers(2).strategy(new Affinity()).executor(loops)
                .listener(new JobListener() {
                    @Override
                    public void finished(JobHandle<?, ?> job) {
                        throw new AssertionError("unexpected end of " + job);
                    }
                }).build();
        List<JobHandle<String, String>> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            jobs.add(balancer.submit("m1", String.valueOf(i), 0));
        }
        Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).until(() -> balancer.queued() == 3);

        assertThat(balancer.shutdown(Duration.ZERO)).isFalse();

        assertThat(jobs).extracting(JobHandle::status).containsOnly(JobStatus.FAILED);
        gate.countDown();
        loops.shutdown();
        assertThat(loops.awaitTermination(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        assertThat(balancer.deadLoops()).isZero();
    }

    @Test
    void shutdown_failsAJobHandedToALoopThatNeverGetsToIt_aCallbackOnTheLastResultWaitingForIt() throws Exception {
        ExecutorService loops = Executors.newFixedThreadPool(1);
        balancer = Balancer.<String, String>builder(task -> {
            gate.await(TIMEOUT_S, TimeUnit.SECONDS);
            return task.data();
        }).workers(1).strategy(new Fifo()).executor(loops).build();
        AtomicReference<JobHandle<String, String>> second = new AtomicReference<>();
        // a two-step pipeline that waits inside a callback, which runs on the worker's own thread
        CompletableFuture<String> pipeline = balancer.submit("asr", "text", 0).result().thenApply(text -> {
            second.set(balancer.submit("tts", text + " spoken", 0));
            return second.get().result().join();
        });
        gate.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).until(() -> second.get() != null);

        assertThat(balancer.shutdown(Duration.ZERO)).isFalse();

        assertThat(second.get().status()).isEqualTo(JobStatus.FAILED);
        assertThat(second.get().error()).isEqualTo("shutting down: the drain timeout passed before the job started");
        assertThatThrownBy(() -> pipeline.get(TIMEOUT_S, TimeUnit.SECONDS)).hasRootCauseInstanceOf(ShutdownException.class);
        loops.shutdown();
        assertThat(loops.awaitTermination(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        // it never started: its worker counts the first job done, and no failure
        assertThat(balancer.workers().get(0)).extracting(WorkerSnapshot::completed, WorkerSnapshot::failed).containsExactly(1L, 0L);
        assertThat(second.get().worker()).isEqualTo(-1);
    }

    @Test
    void askIdleWorkers_withAClockMovedPastTheTimeAStrategyGave_startsTheJobAtOnce() {
        AtomicLong clock = new AtomicLong();
        long hour = Duration.ofHours(1).toNanos();
        Strategy waitsAnHour = (worker, waiting, workers, now) -> now >= hour
                ? Decision.run(waiting.oldestHead(), "an hour passed") : Decision.idleUntil(hour, "not yet");
        balancer = Balancer.<String, String>builder(task -> task.data()).workers(1).strategy(waitsAnHour)
                .executor(executor).clock(clock::get).build();
        JobHandle<String, String> job = balancer.submit("m1", "1", 0);
        balancer.askIdleWorkers();
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);

        clock.set(hour);
        balancer.askIdleWorkers();  // the balancer's own timer waits an hour of real time

        assertThat(await(job)).isEqualTo("1");
        assertThat(job.dispatchReason()).isEqualTo("an hour passed");
    }

    @Test
    void tellsCostPredicateThrowing_teachesNoCost_andKillsNoLoop() {
        List<JobCost> observed = Collections.synchronizedList(new ArrayList<>());
        balancer = Balancer.<String, String>builder(task -> null).workers(1).strategy(costsInto(observed))
                .executor(executor).tellsCost(result -> result.startsWith("2")).build();  // null: throws

        JobHandle<String, String> first = balancer.submit("m1", "1", 0);
        JobHandle<String, String> second = balancer.submit("m1", "2", 0);

        assertThat(second.result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join()).isNull();
        assertThat(first.status()).isEqualTo(JobStatus.DONE);
        assertThat(balancer.deadLoops()).isZero();
        assertThat(balancer.workers().get(0)).extracting(WorkerSnapshot::completed, WorkerSnapshot::failed).containsExactly(2L, 0L);
        assertThat(observed).isEmpty();
    }

    @Test
    void listenerSettingTheInterruptFlag_killsNoLoop() {
        balancer = Balancer.<String, String>builder(task -> task.data()).workers(1).strategy(new Fifo())
                .executor(executor).listener(new JobListener() {
                    @Override
                    public void finished(JobHandle<?, ?> job) {
                        Thread.currentThread().interrupt();  // code that caught an interrupt and set it again
                    }
                }).build();

        assertThat(await(balancer.submit("m1", "1", 0))).isEqualTo("1");
        assertThat(await(balancer.submit("m1", "2", 0))).isEqualTo("2");
        assertThat(balancer.deadLoops()).isZero();
    }

    @Test
    void shutdown_listenerThrowingAVirtualMachineErrorOnAnEnd_stillEndsEveryQueuedJob() throws InterruptedException {
        balancer = Balancer.<String, String>builder(this::work).workers(1).strategy(new Fifo()).executor(executor)
                .listener(new JobListener() {
                    @Override
                    public void finished(JobHandle<?, ?> job) {
                        if (job.status() == JobStatus.FAILED) {
                            throw new StackOverflowError("a listener's");
                        }
                    }
                }).build();
        balancer.submit("m1", "1", 0);
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        List<JobHandle<String, String>> queued = List.of(balancer.submit("m1", "2", 0), balancer.submit("m1", "3", 0));

        assertThatThrownBy(() -> balancer.shutdown(Duration.ZERO)).isInstanceOf(StackOverflowError.class);

        assertThat(queued).extracting(JobHandle::status).containsOnly(JobStatus.FAILED);
        assertThat(queued).allSatisfy(job -> assertThat(job.result()).isCompletedExceptionally());
        gate.countDown();
    }

    @Test
    void expire_withADurationPastALongOfNanoseconds_expiresNothing_onAClockThatReadsNegative() {
        AtomicLong clock = new AtomicLong(-Duration.ofDays(1).toNanos());
        balancer = Balancer.<String, String>builder(this::work).workers(1).strategy(new Fifo()).executor(executor)
                .clock(clock::get).maxWait(Duration.ofNanos(Long.MAX_VALUE)).build();
        balancer.markDown(0);
        JobHandle<String, String> job = balancer.submit("m1", "1", 0);

        assertThat(balancer.expire(Duration.ofDays(365_000))).isEmpty();
        assertThat(balancer.expire(Duration.ofNanos(Long.MAX_VALUE))).isEmpty();
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void expire_onABalancerBuiltWithoutExpiry_saysSo() {
        balancer = Balancer.<String, String>builder(this::work).strategy(new Fifo()).executor(executor).expiry(false).build();

        assertThatThrownBy(() -> balancer.expire(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this balancer was built with expiry(false): it cannot expire jobs");
    }

    @Test
    void shutdown_withATimeoutPastALongOfNanoseconds_waitsForTheJobs_andStopsTheLoops() throws Exception {
        ExecutorService loops = Executors.newFixedThreadPool(1);
        balancer = Balancer.<String, String>builder(this::work).workers(1).strategy(new Fifo()).executor(loops).build();
        JobHandle<String, String> job = balancer.submit("m1", "1", 0);
        gate.countDown();

        assertThat(balancer.shutdown(ChronoUnit.FOREVER.getDuration())).isTrue();

        assertThat(job.status()).isEqualTo(JobStatus.DONE);
        loops.shutdown();
        assertThat(loops.awaitTermination(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shutdown_asAJobStarts_itsWorkNeverRuns_andItEndsFailed() throws InterruptedException {
        CountDownLatch starting = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        balancer = Balancer.<String, String>builder(this::work).workers(1).strategy(new Fifo()).executor(executor)
                .listener(new JobListener() {
                    @Override
                    public void started(JobHandle<?, ?> job) {  // RUNNING, its work not yet called
                        signalThenAwait(starting, goOn);
                    }
                }).build();
        JobHandle<String, String> job = balancer.submit("m1", "1", 0);
        assertThat(starting.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();

        assertThat(balancer.shutdown(Duration.ZERO)).isFalse();
        goOn.countDown();

        Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).until(() -> balancer.workers().get(0).failed() == 1);
        assertThat(ran).isEmpty();
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).startsWith("shutting down: the drain timeout passed");
    }

    @Test
    void jobFailedAtTheDrainTimeout_countsAsFailedOnItsWorker_whenItsWorkReturnsLater() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        balancer = Balancer.<String, String>builder(task -> {
            started.countDown();
            boolean released = false;
            while (!released) {
                try {
                    released = release.await(TIMEOUT_S, TimeUnit.SECONDS);
                } catch (InterruptedException deaf) {
                    // work that ignores the drain's interrupt and returns later
                }
            }
            return "late";
        }).workers(1).strategy(new Fifo()).executor(executor).build();
        JobHandle<String, String> job = balancer.submit("m1", "1", 0);
        assertThat(started.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();

        assertThat(balancer.shutdown(Duration.ZERO)).isFalse();
        release.countDown();

        Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S))
                .until(() -> balancer.workers().get(0).completed() + balancer.workers().get(0).failed() == 1);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(balancer.workers().get(0).completed()).isZero();
        assertThat(balancer.workers().get(0).failed()).isOne();
    }

    @Test
    void workThatSetsTheInterruptFlagAgain_killsNoLoop_andItsWorkerServesTheNextJob() {
        balancer = Balancer.<String, String>builder(task -> {
            if ("polite".equals(task.data())) {
                Thread.currentThread().interrupt();  // as code that catches an interrupt and restores it
            }
            return task.data();
        }).workers(1).strategy(new Fifo()).executor(executor).build();

        assertThat(balancer.submit("m1", "polite", 0).result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join()).isEqualTo("polite");
        assertThat(balancer.submit("m1", "next", 0).result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join()).isEqualTo("next");

        assertThat(balancer.deadLoops()).isZero();
        assertThat(balancer.workers().get(0).state()).isEqualTo(WorkerState.IDLE);
    }

    @Test
    void everyLoopDead_waitingJobsFail_andNewOnesAreRefused_sayingNoWorkerIsLeft() throws InterruptedException {
        balancer = Balancer.<String, String>builder(task -> {
            firstStarted.countDown();
            if (!gate.await(TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
            throw new AssertionError("broken");  // an Error ends the worker's loop
        }).workers(1).strategy(new Fifo()).executor(executor).build();
        JobHandle<String, String> running = balancer.submit("m1", "1", 0);
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        JobHandle<String, String> waiting = balancer.submit("m2", "2", 0);

        gate.countDown();

        // the Error goes on to the loop's thread, which Awaitility would otherwise report
        Awaitility.await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(TIMEOUT_S))
                .until(() -> waiting.status() == JobStatus.FAILED);
        assertThat(running.error()).isEqualTo("worker 0 died: java.lang.AssertionError: broken");
        assertThat(waiting.error()).isEqualTo("no worker left: every worker loop died before the job started");
        assertThat(waiting.result()).isCompletedExceptionally();
        assertThatThrownBy(() -> balancer.submit("m1", "3", 0)).isInstanceOf(ShutdownException.class)
                .hasMessage("no worker left: every worker loop died; no new jobs are accepted");
        assertThat(balancer.isShuttingDown()).isFalse();
    }

    @Test
    void listener_hearsAJobSubmittedBeforeItStarts_evenWhenAWorkerTakesItBeforeTheCallback() {
        AtomicReference<Thread> loop = new AtomicReference<>();
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        balancer = Balancer.<String, String>builder(task -> {
            if (task.data().equals("A")) {
                loop.set(Thread.currentThread());
                gate.await(TIMEOUT_S, TimeUnit.SECONDS);
            }
            return task.data();
        }).workers(1).strategy(new Fifo()).executor(executor).listener(new JobListener() {
            @Override
            public void submitted(JobHandle<?, ?> job) {
                if (job.data().equals("B")) {
                    // B is queued: let A end, and wait until the worker has been handed B and waits
                    gate.countDown();
                    Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).until(() ->
                            Long.valueOf(job.id()).equals(balancer.workers().get(0).jobId())
                                    && loop.get().getState() == Thread.State.WAITING);
                    heard.add("submitted B");
                }
            }

            @Override
            public void started(JobHandle<?, ?> job) {
                heard.add("started " + job.data());
            }

            @Override
            public void finished(JobHandle<?, ?> job) {
                heard.add("finished " + job.data());
            }
        }).build();
        JobHandle<String, String> a = balancer.submit("m1", "A", 0);
        Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).until(() -> loop.get() != null);

        JobHandle<String, String> b = balancer.submit("m1", "B", 0);

        assertThat(b.result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join()).isEqualTo("B");
        assertThat(a.status()).isEqualTo(JobStatus.DONE);
        assertThat(heard).containsExactly("started A", "finished A", "submitted B", "started B", "finished B");
    }

    @Test
    void strategyThrowingAnError_isCountedAsAFailure_theOldestJobRuns_andTheLoopLives() throws InterruptedException {
        AtomicBoolean broken = new AtomicBoolean();
        Strategy assertive = (worker, waiting, workers, nowNanos) -> {
            if (broken.get()) {
                throw new AssertionError("a custom strategy's assertion");
            }
            return Decision.run(waiting.oldestHead(), "oldest");
        };
        balancer = Balancer.<String, String>builder(task -> {
            if (task.data().equals("1")) {
                firstStarted.countDown();
                gate.await(TIMEOUT_S, TimeUnit.SECONDS);
            }
            return task.data();
        }).workers(1).strategy(assertive).executor(executor).build();
        balancer.submit("m1", "1", 0);
        assertThat(firstStarted.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        JobHandle<String, String> waiting = balancer.submit("m2", "2", 0);
        broken.set(true);

        gate.countDown();  // the worker asks the strategy, which throws

        assertThat(waiting.result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join()).isEqualTo("2");
        assertThat(waiting.dispatchReason()).startsWith("oldest job: the strategy failed: a custom strategy's assertion");
        assertThat(balancer.strategyFailures()).isOne();
        assertThat(balancer.deadLoops()).isZero();
    }

    @Test
    void loopDyingAfterItWasHandedItsNextJob_thatJobWaitsAgain_andAnotherWorkerRunsIt() throws InterruptedException {
        CountDownLatch otherGate = new CountDownLatch(1);
        balancer = Balancer.<String, String>builder(task -> {
            (task.data().equals("A") ? gate : otherGate).await(TIMEOUT_S, TimeUnit.SECONDS);
            return task.data();
        }).workers(2).strategy(new Fifo()).executor(executor).listener(new JobListener() {
            @Override
            public void finished(JobHandle<?, ?> job) {
                if (job.data().equals("A")) {
                    throw new StackOverflowError("a listener's");  // a VirtualMachineError: the guard lets it through
                }
            }
        }).build();
        JobHandle<String, String> a = balancer.submit("m1", "A", 0);
        JobHandle<String, String> x = balancer.submit("m2", "X", 0);
        Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S))
                .until(() -> a.status() == JobStatus.RUNNING && x.status() == JobStatus.RUNNING);
        JobHandle<String, String> next = balancer.submit("m1", "B", 0);

        gate.countDown();  // worker 0 ends A, is handed B, and its loop dies in A's listener

        Awaitility.await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(TIMEOUT_S))
                .until(() -> balancer.workers().get(0).state() == WorkerState.DOWN && balancer.workers().get(0).jobId() == null);
        assertThat(balancer.deadLoops()).isOne();
        assertThat(balancer.loopDied(0)).isTrue();
        assertThat(balancer.loopDied(1)).isFalse();
        assertThat(a.result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join()).isEqualTo("A");
        assertThat(next.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(balancer.queued()).isOne();
        assertThat(balancer.workers().get(0).failed()).isZero();
        otherGate.countDown();
        assertThat(next.result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join()).isEqualTo("B");
        assertThat(next.worker()).isOne();
    }

    @Test
    void loopDyingWhileItsNextJobIsStillBeingHandedToIt_theJobIsTakenBackOnce_andRunsElsewhere() throws Exception {
        CountDownLatch aEnded = new CountDownLatch(1);
        CountDownLatch bAdmitted = new CountDownLatch(1);
        balancer = Balancer.<String, String>builder(task -> task.data())
                .workers(2).strategy(new Fifo()).executor(executor).listener(new JobListener() {
                    @Override
                    public void submitted(JobHandle<?, ?> job) {
                        if (job.data().equals("B")) {
                            // B went to worker 0 (free, holding m1); its hand-off waits until worker
                            // 0's loop has died and taken B back
                            bAdmitted.countDown();
                            Awaitility.await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(TIMEOUT_S))
                                    .until(() -> balancer.deadLoops() == 1 && balancer.workers().get(0).jobId() == null);
                        }
                    }

                    @Override
                    public void finished(JobHandle<?, ?> job) {
                        if (job.data().equals("A")) {
                            signalThenAwait(aEnded, bAdmitted);
                            throw new StackOverflowError("a listener's");  // a VirtualMachineError: loop 0 dies
                        }
                    }
                }).build();
        JobHandle<String, String> a = balancer.submit("m1", "A", 0);
        assertThat(aEnded.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();

        JobHandle<String, String> b = balancer.submit("m1", "B", 0);  // threw "worker 0 has no running job"

        assertThat(b.result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join()).isEqualTo("B");
        assertThat(b.worker()).isOne();
        assertThat(a.status()).isEqualTo(JobStatus.DONE);
    }

    @Test
    void listenerThrowingAVirtualMachineErrorWhenToldOfASubmission_theCallerHearsIt_andTheJobStillRuns() {
        balancer = Balancer.<String, String>builder(task -> task.data())
                .workers(1).strategy(new Fifo()).executor(executor).listener(new JobListener() {
                    @Override
                    public void submitted(JobHandle<?, ?> job) {
                        if (job.data().equals("A")) {
                            throw new StackOverflowError("a listener's");
                        }
                    }
                }).build();

        assertThatThrownBy(() -> balancer.submit("m1", "A", 0)).isInstanceOf(StackOverflowError.class);

        // A was queued and handed to the worker all the same: it runs, and B after it
        JobHandle<String, String> b = balancer.submit("m1", "B", 0);
        assertThat(b.result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join()).isEqualTo("B");
        assertThat(balancer.workers().get(0).completed()).isEqualTo(2);
    }

    @Test
    void submitRacingShutdown_jobHandedToAStoppedLoop_failsInsteadOfWaitingForEver() throws Exception {
        CountDownLatch betweenAdmissionAndHandOff = new CountDownLatch(1);
        CountDownLatch loopEnded = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        balancer = Balancer.<String, String>builder(task -> task.data())
                .workers(1).strategy(new Fifo())
                .executor(loop -> executor.execute(() -> {
                    try {
                        loop.run();
                    } finally {
                        loopEnded.countDown();
                    }
                }))
                .listener(new JobListener() {
                    @Override
                    public void submitted(JobHandle<?, ?> job) {  // the dispatcher has given the job to the free worker
                        signalThenAwait(betweenAdmissionAndHandOff, goOn);
                    }
                }).build();
        CompletableFuture<JobHandle<String, String>> submitting =
                CompletableFuture.supplyAsync(() -> balancer.submit("m1", "1", 0), executor);
        assertThat(betweenAdmissionAndHandOff.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();

        // the worker holds a job it has not been handed: shutdown fails it, and tells the listener once
        // the submitter has told it of the submission
        CompletableFuture<Boolean> shutdown = CompletableFuture.supplyAsync(() -> {
            try {
                return balancer.shutdown(Duration.ZERO);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, executor);
        assertThat(loopEnded.await(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        goOn.countDown();  // the submit hands the job to the stopped loop

        assertThat(shutdown.get(TIMEOUT_S, TimeUnit.SECONDS)).isFalse();
        JobHandle<String, String> job = submitting.get(TIMEOUT_S, TimeUnit.SECONDS);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo("shutting down: the drain timeout passed before the job started");
        assertThat(job.result()).isCompletedExceptionally();
    }

    @Test
    void loopDyingWhileIdle_retiresItsWorker_andJobsRunOnTheOthers() {
        List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task);
            threads.add(thread);  // the pool starts one thread per loop, in worker order
            return thread;
        });
        Balancer<Integer, Integer> b = Balancer.<Integer, Integer>builder(task -> task.data())
                .workers(2).strategy(new Fifo()).executor(pool).build();
        try {
            // worker 0's loop waits for a job (an interrupt before the pool runs it would be cleared)
            Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).until(() -> threads.get(0).getState() == Thread.State.WAITING);
            threads.get(0).interrupt();
            Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S)).until(() -> b.deadLoops() == 1);
            b.markUp(0);  // a passing health probe does not bring a dead loop's worker back

            List<JobHandle<Integer, Integer>> jobs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                jobs.add(b.submit("m" + (i % 3), i, 0));
            }

            for (JobHandle<Integer, Integer> job : jobs) {
                job.result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join();
                assertThat(job.worker()).isOne();
            }
            assertThat(b.workers().get(0).state()).isEqualTo(WorkerState.DOWN);
        } finally {
            b.close();
            pool.shutdownNow();
        }
    }

    @Test
    void submit_manyNoOpJobs_allCompleteAndNoWorkerLoopDies() {
        // workers take new jobs straight from the dispatcher, racing the submitting thread
        Balancer<Integer, Integer> b = Balancer.<Integer, Integer>builder(task -> task.data())
                .workers(2).strategy(new Affinity()).executor(executor).capacity(100_000).build();
        try {
            List<JobHandle<Integer, Integer>> jobs = new ArrayList<>();
            for (int i = 0; i < 50_000; i++) {
                jobs.add(b.submit("m" + (i % 10), i, 0));
            }
            for (int i = 0; i < jobs.size(); i++) {
                assertThat(jobs.get(i).result().orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join()).isEqualTo(i);
            }
            assertThat(b.deadLoops()).isZero();
        } finally {
            b.close();
        }
    }

    @Test
    void listener_hearsEveryJobStartAndEnd() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        JobListener listener = new JobListener() {
            @Override
            public void submitted(JobHandle<?, ?> job) {
                events.add("submitted " + job.id());
            }

            @Override
            public void started(JobHandle<?, ?> job) {
                events.add("started " + job.id());
            }

            @Override
            public void finished(JobHandle<?, ?> job) {
                events.add("finished " + job.id() + " " + job.status());
            }
        };
        balancer = Balancer.<String, String>builder(this::work)
                .workers(1).strategy(new Affinity()).executor(executor).listener(listener).build();
        gate.countDown();
        JobHandle<String, String> job = balancer.submit("m1", "1", 0);
        await(job);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_S))
                .until(() -> events.size() == 3);
        assertThat(events).containsExactly("submitted 1", "started 1", "finished 1 DONE");
    }
}
