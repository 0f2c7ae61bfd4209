package io.smartlb.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The threaded runtime: N worker loops on an injected {@link Executor}, each running the jobs the
 * {@link Dispatcher} hands it through {@link Work}. Usable without any framework.
 *
 * <pre>{@code
 * Balancer<String, String> balancer = Balancer.<String, String>builder(Work.withWorkerState(HashMap::new,
 *         (String model, String text, Map<String, Object> state) -> synthesize(model, text, state)))
 *     .workers(2).strategy(new Affinity()).executor(Executors.newFixedThreadPool(2)).build();
 * String audio = balancer.submit("voice-1", "hello", 0).result().join();
 * }</pre>
 *
 * <p>Threading: {@link #submit} runs on the caller's thread and hands any resulting assignment to
 * the chosen worker's mailbox; a worker that finishes a job takes its next one straight from the
 * dispatcher. Jobs run outside the dispatcher's lock. A job that throws an exception fails alone;
 * its worker goes on. An {@link Error} fails its job and ends that worker's loop; once no loop is
 * left, waiting jobs fail and {@link #submit} refuses new ones. The executor must run all
 * {@code workers} loops at once: {@link Builder#build} waits until it does, and fails if it does
 * not within {@link Builder#startTimeout}.
 *
 * @param <D> the job data type
 * @param <R> the result type
 */
public final class Balancer<D, R> implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Balancer.class.getName());
    // the longest duration a long of nanoseconds holds (about 292 years, 106751 days)
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);
    private static final long RESULTS_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final String SHUTTING_DOWN = "shutting down: the drain timeout passed";
    private static final String NO_WORKER_LEFT = "no worker left: every worker loop died";
    private static final String CLIENT_LEFT = "cancelled: its client left while it was queued";

    private final Dispatcher<JobHandle<D, R>> dispatcher;
    private final Work<D, R> work;
    private final LongSupplier clock;
    private final Duration maxWait;
    private final Predicate<? super R> tellsCost;
    private final JobListener listener;
    private final List<BlockingQueue<Assignment<JobHandle<D, R>>>> mailboxes;
    private final AtomicReferenceArray<Thread> loopThreads;
    private final AtomicReferenceArray<JobHandle<D, R>> running;
    private final Assignment<JobHandle<D, R>> stopSignal = new Assignment<>(-1, Job.of(-1, "-", 0, 0, null), false, () -> "stop", 0);
    private final AtomicIntegerArray deadLoops;  // 1 where a loop died: its mailbox is read no more
    private final AtomicIntegerArray stoppedLoops;  // 1 where a loop took its stop signal: read no more either
    private final CountDownLatch loopsStarted;
    private final AskAgainTimer askAgain;
    private final boolean expiry;
    private volatile boolean shutdownBegun;
    private volatile boolean stopping;
    // jobs a loop runs or has ended whose results it has not completed yet
    private final AtomicInteger unpublished = new AtomicInteger();
    private final AtomicLong tellsCostFailures = new AtomicLong();

    private Balancer(Builder<D, R> builder) {
        this.work = builder.work;
        this.clock = builder.clock;
        this.listener = builder.listener == JobListener.NONE ? JobListener.NONE : new GuardedListener(builder.listener);
        this.dispatcher = new Dispatcher<>(builder.strategy, builder.workers, builder.capacity, this::deliver,
                builder.expiry);
        this.maxWait = builder.maxWait;
        this.expiry = builder.expiry;
        this.tellsCost = builder.tellsCost;
        dispatcher.expireAtDispatch(maxWait.toNanos());
        this.askAgain = new AskAgainTimer(dispatcher, clock, this::afterDispatch);
        dispatcher.onAskAgain(askAgain::request);
        this.mailboxes = new ArrayList<>(builder.workers);
        this.loopThreads = new AtomicReferenceArray<>(builder.workers);
        this.running = new AtomicReferenceArray<>(builder.workers);
        this.deadLoops = new AtomicIntegerArray(builder.workers);
        this.stoppedLoops = new AtomicIntegerArray(builder.workers);
        for (int i = 0; i < builder.workers; i++) {
            mailboxes.add(new ArrayBlockingQueue<>(2));
        }
        this.loopsStarted = new CountDownLatch(builder.workers);
        for (int i = 0; i < builder.workers; i++) {
            int id = i;
            try {
                builder.executor.execute(() -> loop(id));
            } catch (RejectedExecutionException e) {
                close();  // stops the loops already handed over
                throw e;
            }
        }
    }

    // an executor that queues a loop instead of running it would leave that worker's jobs unstarted
    private void awaitLoops(int workers, Duration timeout) {
        try {
            if (loopsStarted.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
            long started = workers - loopsStarted.getCount();  // before close: a stopped loop frees a thread
            close();  // a loop that starts later finds its stop signal waiting
            throw new IllegalStateException("the executor started " + started + " of "
                    + workers + " worker loops within " + DurationText.of(timeout)
                    + "; it must run them all at once, e.g. Executors.newFixedThreadPool(" + workers + ")");
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the worker loops to start", e);
        }
    }

    /** Returns a builder for a balancer that runs jobs with {@code work}. */
    public static <D, R> Builder<D, R> builder(Work<D, R> work) {
        return new Builder<>(work);
    }

    /**
     * Queues a job and returns its handle at once.
     *
     * @param priority seconds of head start; 0 for none
     * @throws QueueFullException when the queue holds its capacity
     * @throws ShutdownException once shutdown has begun, or once every worker loop has died
     */
    public JobHandle<D, R> submit(String model, D data, double priority) {
        JobHandle<D, R> handle = new JobHandle<>(this, model, priority, data);
        if (listener != JobListener.NONE) {
            handle.toBeAnnouncedBy(Thread.currentThread());
        }
        Admission<JobHandle<D, R>> admission;
        try {
            admission = dispatcher.submit(model, priority, handle, clock.getAsLong());
        } catch (RejectedJobException e) {
            listener.refused(model, e);
            throw e;
        } catch (RuntimeException | Error e) {
            handle.announced();  // it may have been queued: whoever runs it must not wait for this thread
            throw e;
        }
        handle.bind(admission.job());
        try {
            listener.submitted(handle);  // a VirtualMachineError goes on to the caller, after the job is handed out
        } finally {
            deliver(admission.assignment());
            afterDispatch();
        }
        return handle;
    }

    /** Cancels a queued job; returns false when it is running or has ended, or is another balancer's. */
    public boolean cancel(JobHandle<D, R> handle) {
        return cancel(handle, "cancelled");
    }

    /**
     * As {@link #cancel(JobHandle)}, with why, which the job's {@link JobHandle#error} then gives
     * (e.g. {@code "cancelled by DELETE /jobs/7"}).
     */
    public boolean cancel(JobHandle<D, R> handle, String why) {
        // a running or ended job is not looked for in the queue: without expiry that costs O(n) of its model's jobs
        if (!handle.isOwnedBy(this) || handle.status() != JobStatus.QUEUED || !dispatcher.cancel(handle.job())
                || !handle.cancel(why, clock.getAsLong())) {
            return false;
        }
        listener.finished(handle);
        return true;
    }

    /**
     * Gives up a job nobody waits for any more (its client left): cancels it if it is queued, as
     * {@link #cancel} does; if it runs it may finish, but should its try throw
     * {@link NotDeliveredException} it is not sent again: it ends CANCELLED if the try never reached
     * the worker, else FAILED (it may have run). Returns whether it was cancelled here (never for
     * another balancer's job, which is left alone). A job a worker has been given but not yet
     * started is not held back (a window of microseconds).
     */
    public boolean abandon(JobHandle<D, R> handle) {
        if (!handle.isOwnedBy(this)) {
            return false;  // another balancer's job
        }
        if (cancel(handle, CLIENT_LEFT)) {
            return true;
        }
        handle.abandon();
        return cancel(handle, CLIENT_LEFT);  // it may have been queued again meanwhile
    }

    /**
     * Expires the queued jobs that have waited longer than {@code maxWait} and returns them. With
     * {@link Builder#maxWait} set, jobs also expire when a worker asks for a job, so that none
     * starts after waiting longer; this call ends those that no worker asked for in time, and
     * first any the dispatcher removed that way (those are not in the list returned).
     *
     * @throws IllegalStateException when the balancer was built with {@code expiry(false)}
     */
    public List<JobHandle<D, R>> expire(Duration maxWait) {
        if (!expiry) {
            throw new IllegalStateException("this balancer was built with expiry(false): it cannot expire jobs");
        }
        afterDispatch();
        long now = clock.getAsLong();
        List<JobHandle<D, R>> expired = new ArrayList<>();
        for (Job<JobHandle<D, R>> job : dispatcher.expire(now, nanos(maxWait))) {
            JobHandle<D, R> handle = handleOf(job);
            if (endExpired(handle, maxWait, now)) {
                expired.add(handle);
            }
        }
        return expired;
    }

    // a duration past a long of nanoseconds (about 292 years) as the longest one
    private static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /**
     * Asks the idle workers again if the time a strategy gave with {@link Decision#idleUntil} has
     * come on the balancer's clock. The balancer does so by itself, waiting that long in real time
     * ({@link System#nanoTime}): a caller whose {@link Builder#clock} jumps ahead (a test's) calls
     * this after moving it.
     */
    public void askIdleWorkers() {
        dispatcher.askIdleWorkers(clock.getAsLong());
        afterDispatch();
    }

    // after a dispatcher call, outside its lock: ends the jobs it removed when a worker asked for a
    // job, and logs the strategy failures it counted
    private void afterDispatch() {
        Job<JobHandle<D, R>> job;
        while ((job = dispatcher.takeExpired()) != null) {
            endExpired(handleOf(job), maxWait, clock.getAsLong());
        }
        Dispatcher.StrategyFailure failure;
        while ((failure = dispatcher.takeStrategyFailure()) != null) {
            LOG.log(System.Logger.Level.ERROR, failure.message(), failure.cause());
        }
    }

    private boolean endExpired(JobHandle<D, R> handle, Duration maxWait, long now) {
        if (!handle.expire("waited longer than " + maxWait.toMillis() + " ms in the queue" + earlierTry(handle), now)) {
            return false;
        }
        listener.finished(handle);
        return true;
    }

    /** Returns every worker's state and statistics. */
    public List<WorkerSnapshot> workers() {
        return dispatcher.workers();
    }

    /** Returns how many jobs wait. */
    public int queued() {
        return dispatcher.queued();
    }

    /** Returns the queue capacity. */
    public int capacity() {
        return dispatcher.capacity();
    }

    /** Returns, per model with waiting jobs, how many wait and since when. */
    public List<ModelBacklog> backlogs() {
        return dispatcher.backlogs();
    }

    /** Returns the balancer's clock, in nanoseconds. */
    public long now() {
        return clock.getAsLong();
    }

    /** Returns how many worker loops ended other than by shutdown; O(W). */
    public int deadLoops() {
        int dead = 0;
        for (int i = 0; i < deadLoops.length(); i++) {
            dead += deadLoops.get(i);
        }
        return dead;
    }

    /** Returns whether {@code worker}'s loop ended other than by shutdown: it is down for good. */
    public boolean loopDied(int worker) {
        return deadLoops.get(worker) == 1;
    }

    /** Returns how often the strategy failed ({@link Dispatcher#strategyFailures}). */
    public long strategyFailures() {
        return dispatcher.strategyFailures();
    }

    /** Returns whether shutdown has begun (not whether jobs are refused: they are too once every loop died). */
    public boolean isShuttingDown() {
        return shutdownBegun;
    }

    /** Returns whether {@code worker} is out of service. O(1), unlike {@link #workers}. */
    public boolean isDown(int worker) {
        return dispatcher.isDown(worker);
    }

    /** Takes a worker out of service; its running job, if any, still ends normally. */
    public void markDown(int worker) {
        dispatcher.markDown(worker, clock.getAsLong());
        afterDispatch();
    }

    /**
     * Brings a worker back into service, holding no model; a worker whose loop died stays down,
     * and so does every worker once shutdown has taken the queue (during the drain it comes back).
     */
    public void markUp(int worker) {
        deliver(dispatcher.markUp(worker, clock.getAsLong()));
        afterDispatch();
    }

    /**
     * Stops taking jobs, lets queued and running jobs finish for up to {@code drainTimeout}, then
     * fails what is left and stops the worker loops. Safe to call more than once. A timeout past
     * about 292 years ({@code Long.MAX_VALUE} ns) waits that long.
     *
     * @return true when every job finished within the timeout
     */
    public boolean shutdown(Duration drainTimeout) throws InterruptedException {
        long drainNanos = nanos(drainTimeout);
        shutdownBegun = true;
        dispatcher.close();
        long deadline = System.nanoTime() + drainNanos;  // may wrap: only differences are compared
        boolean drained = dispatcher.awaitIdle(drainNanos, TimeUnit.NANOSECONDS)
                && awaitResults(deadline - System.nanoTime());
        stopping = true;
        askAgain.stop();
        afterDispatch();
        long now = clock.getAsLong();
        failWaiting(now, SHUTTING_DOWN);
        for (int i = 0; i < mailboxes.size(); i++) {
            JobHandle<D, R> handle = running.get(i);
            if (handle != null) {
                failRunning(handle, "shutting down: the drain timeout passed while the job ran", new ShutdownException());
            }
            mailboxes.get(i).offer(stopSignal);
            Thread thread = loopThreads.get(i);
            if (handle != null && thread != null) {
                thread.interrupt();
            }
        }
        for (int i = 0; i < mailboxes.size(); i++) {
            failHandedOut(i, now);
        }
        return drained;
    }

    // a job the dispatcher handed to a worker whose loop has not started it: the loop may be busy
    // for good (a callback on the last result that waits for this very job, say)
    private void failHandedOut(int worker, long now) {
        Job<JobHandle<D, R>> held = dispatcher.runningJob(worker);
        if (held == null) {
            return;
        }
        failUnstarted(handleOf(held), SHUTTING_DOWN, now);
    }

    // shutdown has taken the queue, or no worker loop is left: what still waits (or comes back to
    // it) fails, since no worker will start it
    private void failWaiting(long now, String why) {
        VirtualMachineError listenerError = null;
        for (Job<JobHandle<D, R>> job : dispatcher.removeAllWaiting()) {
            try {
                failUnstarted(handleOf(job), why, now);
            } catch (VirtualMachineError e) {  // from the listener: the jobs taken from the queue still end
                listenerError = listenerError == null ? e : listenerError;
            }
        }
        if (listenerError != null) {
            throw listenerError;
        }
    }

    private void failUnstarted(JobHandle<D, R> handle, String why, long now) {
        String again = handle.reachedTry() == null ? "" : " again";
        if (handle.fail(JobStatus.QUEUED, why + " before the job started" + again + earlierTry(handle),
                new ShutdownException(why), now)) {
            listener.finished(handle);
        }
    }

    // a job queued again after a try that may have run says so where it ends unstarted: its view no
    // longer shows that start, and a client retrying it may run it twice
    private static String earlierTry(JobHandle<?, ?> handle) {
        NotDeliveredException reached = handle.reachedTry();
        return reached == null ? "" : ", after an earlier try that failed before any answer and may have run ("
                + reached.getMessage() + ")";
    }

    /** Shuts down without waiting for queued jobs. */
    @Override
    public void close() {
        try {
            shutdown(Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // a worker may start a job before submit() returns to bind it: bind it from any job reference
    private static <D, R> JobHandle<D, R> handleOf(Job<JobHandle<D, R>> job) {
        JobHandle<D, R> handle = job.payload();
        handle.bind(job);
        return handle;
    }

    private void deliver(Assignment<JobHandle<D, R>> assignment) {
        if (assignment != null) {
            // a free worker is handed one assignment at most, so with the stop signal two slots suffice
            int worker = assignment.worker();
            mailboxes.get(worker).add(assignment);
            if (deadLoops.get(worker) == 1 || stoppedLoops.get(worker) == 1) {
                // decided before the loop died or stopped; it may have drained its mailbox already
                requeueOrphans(worker);
            }
        }
    }

    private void loop(int id) {
        loopThreads.set(id, Thread.currentThread());
        loopsStarted.countDown();
        boolean stopped = false;
        Throwable death = null;
        try {
            while (true) {
                Assignment<JobHandle<D, R>> assignment = mailboxes.get(id).take();
                if (assignment == stopSignal) {
                    stopped = true;
                    return;
                }
                while (assignment != null) {
                    assignment = runAndComplete(id, assignment);
                }
            }
        } catch (InterruptedException e) {
            stopped = stopping;
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            death = e;
            throw e;
        } finally {
            loopThreads.set(id, null);
            running.set(id, null);
            if (stopped) {
                stoppedLoops.set(id, 1);
                requeueOrphans(id);  // handed to it after its stop signal, by a submit that raced shutdown
            } else {
                loopDied(id, death);
            }
        }
    }

    // an Error escaped a job (or the loop was interrupted): take the worker out of service, fail
    // the job it ran, and queue again one it was given but never started (the loop may have died
    // after the dispatcher handed it the next job); once no loop is left, the dispatcher takes no
    // more jobs and those waiting fail
    private void loopDied(int id, Throwable death) {
        deadLoops.set(id, 1);
        try {
            dispatcher.retire(id, clock.getAsLong());
            afterDispatch();
            Job<JobHandle<D, R>> held = dispatcher.runningJob(id);
            if (held != null && handleOf(held).status() == JobStatus.QUEUED) {
                deliver(dispatcher.undelivered(id, held, true, false, clock.getAsLong()));
                afterDispatch();
            } else if (held != null) {
                failRunning(handleOf(held), "worker " + id + " died: " + death, death);
                dispatcher.complete(id, Outcome.FAILED, clock.getAsLong());
            }
        } finally {
            requeueOrphans(id);
            failWaitingIfNoWorkerStarts();
        }
    }

    // an assignment handed to a loop that died or stopped before taking it never started: it waits
    // again, for another worker, or to fail if none will start it
    private void requeueOrphans(int id) {
        Assignment<JobHandle<D, R>> orphan;
        boolean requeued = false;
        while ((orphan = mailboxes.get(id).poll()) != null) {
            if (orphan != stopSignal) {  // loopDied may have taken it back already
                deliver(dispatcher.undelivered(id, orphan.job(), true, false, clock.getAsLong()));
                afterDispatch();
                requeued = true;
            }
        }
        if (requeued) {
            failWaitingIfNoWorkerStarts();
        }
    }

    // shutdown has taken the queue, or every loop died: what waits now would wait for ever
    private void failWaitingIfNoWorkerStarts() {
        if (stopping) {
            failWaiting(clock.getAsLong(), SHUTTING_DOWN);
        } else if (deadLoops() == mailboxes.size()) {
            failWaiting(clock.getAsLong(), NO_WORKER_LEFT);
        }
    }

    // returns this worker's next assignment; the job's result completes once the worker's counts
    // include it, so a client woken by the result reads them up to date
    private Assignment<JobHandle<D, R>> runAndComplete(int id, Assignment<JobHandle<D, R>> assignment) {
        JobHandle<D, R> handle = assignment.job().payload();
        Outcome outcome;
        boolean endsHere = true;  // false once the job waits again: the loop that runs it next ends it
        unpublished.incrementAndGet();
        try {
            try {
                outcome = run(assignment);
            } catch (NotDeliveredException e) {
                endsHere = !notDelivered(id, assignment, handle, e);
                return null;
            }
            long now = clock.getAsLong();
            if (outcome == null) {
                // shutdown failed it before this loop got to it: it never started, nor counts on the worker
                dispatcher.dropped(id, assignment.job(), now);
                afterDispatch();
                return null;
            }
            // only a job that ran to its end tells what it costs: one that timed out on a hung upstream
            // would teach a load as long as the timeout, and one refused at once a load of nothing
            JobCost cost = outcome.failed() || !tellsCost(handle.resultIfDone()) ? null
                    : new JobCost(handle.model(), assignment.load(), assignment.load() ? handle.loadNanos() : 0,
                            Math.max(0, now - handle.startedNanos()));
            Assignment<JobHandle<D, R>> next = dispatcher.complete(id, outcome, now, cost);
            afterDispatch();
            return next;
        } finally {
            publish(handle, endsHere);
        }
    }

    // tells the listener of a job this loop ended (not one shutdown failed meanwhile, nor one
    // queued again, which another loop may be ending right now), then completes its result:
    // whoever it wakes finds the worker's counts and the listener's up to date; the listener is
    // guarded, so nothing here throws and the next assignment, already handed out, is not lost
    private void publish(JobHandle<D, R> handle, boolean endsHere) {
        try {
            if (endsHere && handle.takeEndedByItsLoop()) {
                try {
                    listener.finished(handle);
                } finally {
                    handle.publish();
                }
            }
        } finally {
            unpublished.decrementAndGet();
            // a listener or a callback on the result that set the interrupt flag must not end this
            // loop at its next take(), as work that does so does not: only shutdown interrupts it
            if (!stopping) {
                Thread.interrupted();
            }
        }
    }

    // a predicate that throws tells no cost: it must not end the loop, as a job's own failure does not
    private boolean tellsCost(R result) {
        try {
            return tellsCost.test(result);
        } catch (RuntimeException e) {
            long count = tellsCostFailures.incrementAndGet();
            if (Dispatcher.isPowerOfTen(count)) {  // as strategy and listener failures: not a line per job
                LOG.log(System.Logger.Level.ERROR, "the tellsCost predicate failed (" + count
                        + " time(s) so far); those jobs teach no cost", e);
            }
            return false;
        }
    }

    // after the dispatcher is idle: until the loops have completed the results of the jobs they
    // ended, which takes them microseconds (or what callbacks on those results take); polled, so
    // that the loops pay two atomic operations per job and no lock
    private boolean awaitResults(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (unpublished.get() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(this, Math.min(left, RESULTS_POLL_NANOS));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return true;
    }

    // this worker is down; the job runs elsewhere if it may be sent again, else it fails; returns
    // whether it was queued again
    private boolean notDelivered(int id, Assignment<JobHandle<D, R>> assignment, JobHandle<D, R> handle,
                                 NotDeliveredException e) {
        boolean requeue = handle.requeue(e);
        // refused as abandoned (abandoned stays so): a try that never reached its worker never ran
        if (!requeue && !e.mayHaveReached() && handle.cancelUndelivered(neverReached(e), clock.getAsLong())) {
            try {
                listener.finished(handle);
            } finally {
                dispatcher.dropped(id, assignment.job(), clock.getAsLong());
                afterDispatch();
                handle.publish();  // once the worker's state no longer holds it
            }
            return false;
        }
        try {
            if (requeue) {
                listener.requeued(handle, id, assignment.load(), e);
            } else if (handle.isAbandoned()) {
                handle.endFailed(abandonedTry(e), e, clock.getAsLong());
            } else {
                handle.endFailed("failed twice before any answer: " + e.getMessage(), e, clock.getAsLong());
            }
        } finally {
            // even past a listener that throws: a job queued again in no index could never end
            deliver(dispatcher.undelivered(id, assignment.job(), requeue, e.mayHaveReached(), clock.getAsLong()));
            afterDispatch();
        }
        if (requeue && handle.isAbandoned()) {
            endAbandoned(handle, e);  // its client left as it was queued again, before a worker took it
        }
        if (requeue) {
            failWaitingIfNoWorkerStarts();  // it came back after shutdown took the queue
        }
        return requeue;
    }

    private static String abandonedTry(NotDeliveredException e) {
        return "its client left while it ran, and it failed before any answer: not sent again (" + e.getMessage() + ")";
    }

    private static String neverReached(NotDeliveredException e) {
        return "cancelled: its client left while it ran, and its try never reached the worker (" + e.getMessage() + ")";
    }

    // an abandoned job queued again: cancelled if its try never reached the worker, else failed
    // saying it may have run; unless a worker took it meanwhile (it then runs for nobody)
    private void endAbandoned(JobHandle<D, R> handle, NotDeliveredException e) {
        if (!e.mayHaveReached()) {
            cancel(handle, neverReached(e));
        } else if (dispatcher.cancel(handle.job()) && handle.fail(JobStatus.QUEUED, abandonedTry(e), e, clock.getAsLong())) {
            listener.finished(handle);
        }
    }

    /** Runs a job and returns how it ended, or null if it never started; throws when it was not delivered. */
    private Outcome run(Assignment<JobHandle<D, R>> assignment) throws NotDeliveredException {
        JobHandle<D, R> handle = handleOf(assignment.job());
        // its wait ends when the dispatcher chose it, the instant max-wait was checked at, not when
        // this thread gets to it (after ending the jobs that expired then, say)
        if (!handle.started(assignment, assignment.decidedNanos())) {
            return null;  // shutdown failed it as handed out before this loop got to it
        }
        running.set(assignment.worker(), handle);
        listener.started(handle);
        if (stopping) {
            // shutdown fails the running jobs it finds, and may have looked before this one was set
            // (a completion or a racing submit handed it out as the drain ended): it does not start
            failRunning(handle, SHUTTING_DOWN + " as the job started; it did not run", new ShutdownException(SHUTTING_DOWN));
            running.set(assignment.worker(), null);
            return Outcome.FAILED;
        }
        Task<D> task = new Task<>(assignment.worker(), handle.id(), handle.model(), assignment.load(), handle.data(), clock);
        try {
            R value = work.run(task);
            handle.loaded(task.loadNanos());
            // false: shutdown failed it at the drain timeout, and it counts as it ended
            return handle.endDone(value, clock.getAsLong()) ? Outcome.DONE : Outcome.FAILED;
        } catch (NotDeliveredException e) {
            throw e;  // before the catch-all below
        } catch (ModelLoadException e) {
            handle.loaded(task.loadNanos());
            handle.endFailed("loading model " + handle.model() + " failed: " + e.getMessage(), e, clock.getAsLong());
            return Outcome.LOAD_FAILED;
        } catch (Exception e) {
            handle.loaded(task.loadNanos());
            handle.endFailed(e.getMessage() == null ? e.toString() : e.getMessage(), e, clock.getAsLong());
            return Outcome.FAILED;
        } finally {
            running.set(assignment.worker(), null);
            // work that caught an interrupt and set the flag again, as libraries do, must not end
            // this loop at its next take(): only shutdown interrupts it, and it sets stopping first
            if (!stopping) {
                Thread.interrupted();
            }
        }
    }

    private void failRunning(JobHandle<D, R> handle, String message, Throwable cause) {
        if (handle.fail(JobStatus.RUNNING, message, cause, clock.getAsLong())) {
            listener.finished(handle);
        }
    }

    /**
     * Builds a {@link Balancer}.
     *
     * @param <D> the job data type
     * @param <R> the result type
     */
    public static final class Builder<D, R> {
        private final Work<D, R> work;
        private int workers = 1;
        private Strategy strategy;
        private Executor executor;
        private int capacity = 10_000;
        private LongSupplier clock = System::nanoTime;
        private JobListener listener = JobListener.NONE;
        private boolean expiry = true;
        private Duration maxWait = Duration.ZERO;
        private Duration startTimeout = Duration.ofSeconds(5);
        private Predicate<? super R> tellsCost = result -> true;

        private Builder(Work<D, R> work) {
            this.work = Objects.requireNonNull(work, "work");
        }

        /** Sets the number of workers (default 1). */
        public Builder<D, R> workers(int workers) {
            this.workers = workers;
            return this;
        }

        /** Sets the strategy (required). */
        public Builder<D, R> strategy(Strategy strategy) {
            this.strategy = strategy;
            return this;
        }

        /** Sets the executor that runs the worker loops (required; it must run them all at once). */
        public Builder<D, R> executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** Sets how many jobs may wait (default 10,000). */
        public Builder<D, R> capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        /**
         * Sets the clock in nanoseconds (default {@link System#nanoTime}). The balancer waits for
         * the times strategies give with {@link Decision#idleUntil} in real time; with a clock that
         * jumps, call {@link Balancer#askIdleWorkers} after moving it.
         */
        public Builder<D, R> clock(LongSupplier clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets which results of jobs that ended done tell the strategy what the job cost (default:
         * all); a failed job never does. For results that carry a failure of their own, such as a
         * passed-through upstream error.
         */
        public Builder<D, R> tellsCost(Predicate<? super R> tellsCost) {
            this.tellsCost = Objects.requireNonNull(tellsCost, "tellsCost");
            return this;
        }

        /** Sets the listener for job events (default none). */
        public Builder<D, R> listener(JobListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Sets whether {@link Balancer#expire} is used (default true); without, each job costs less,
         * and {@code expire} throws {@link IllegalStateException}.
         */
        public Builder<D, R> expiry(boolean expiry) {
            this.expiry = expiry;
            return this;
        }

        /**
         * Sets how long a job may wait (default zero: no limit): a job that waited longer is never
         * started; it ends EXPIRED when a worker asks for a job or at {@link Balancer#expire}, the
         * first that comes. Needs expiry.
         *
         * @throws IllegalArgumentException when negative, or longer than a long of nanoseconds holds
         */
        public Builder<D, R> maxWait(Duration maxWait) {
            Objects.requireNonNull(maxWait, "maxWait");
            if (maxWait.isNegative() || maxWait.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException("maxWait must be zero (no limit) or positive, at most 106751d: "
                        + DurationText.of(maxWait));
            }
            this.maxWait = maxWait;
            return this;
        }

        /**
         * Sets how long {@link #build} waits for the executor to start every worker loop (default
         * 5 s); an executor with fewer free threads than workers never does.
         */
        public Builder<D, R> startTimeout(Duration startTimeout) {
            if (startTimeout.isNegative() || startTimeout.isZero()) {
                throw new IllegalArgumentException("startTimeout must be positive: " + DurationText.of(startTimeout));
            }
            this.startTimeout = startTimeout;
            return this;
        }

        /**
         * Returns a started balancer, once every worker loop runs.
         *
         * @throws IllegalStateException when no strategy or executor was set, when {@link #maxWait} is set
         *     without expiry, or when the executor has not started every loop within the
         *     start timeout (the balancer is then shut down)
         * @throws RejectedExecutionException when the executor refuses a loop
         *     (the loops it took are stopped)
         */
        public Balancer<D, R> build() {
            if (strategy == null) {
                throw new IllegalStateException("no strategy: set one with strategy(...), e.g. strategy(new Affinity())");
            }
            if (executor == null) {
                throw new IllegalStateException("no executor: set one that runs every worker loop at once with executor(...),"
                        + " e.g. executor(Executors.newFixedThreadPool(" + workers + "))");
            }
            if (!expiry && !maxWait.isZero()) {
                throw new IllegalStateException("maxWait(" + DurationText.of(maxWait) + ") needs expiry(true)");
            }
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(listener, "listener");
            Balancer<D, R> balancer = new Balancer<>(this);
            balancer.awaitLoops(workers, startTimeout);
            return balancer;
        }
    }
}
