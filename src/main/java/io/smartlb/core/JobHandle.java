package io.smartlb.core;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;

/**
 * A submitted job as its submitter sees it: status, timings, worker, and a future for the result.
 * Written by the balancer, read by anyone; every field is safe to read from any thread. Status
 * moves QUEUED, then RUNNING, then DONE or FAILED; or from QUEUED to CANCELLED, EXPIRED or
 * FAILED (dropped at shutdown, or once no worker loop is left, or abandoned after a try that may
 * have run). A job that could not be delivered goes from RUNNING back to QUEUED: once if it may
 * have reached its worker, each time if it did not; once abandoned it goes from RUNNING to
 * CANCELLED if the try did not reach its worker, else to FAILED (see {@link Balancer#abandon}).
 * The future completes exactly once, after the status became final.
 * Whoever reads a status reads the fields that go with it: a job read as DONE has its end time and result, one
 * read as FAILED its error (each change writes its fields, then the status, under a private lock).
 *
 * @param <D> the job data type
 * @param <R> the result type
 */
public final class JobHandle<D, R> {

    private static final int TELLING_EVENT = 1;
    private static final int EVENT_TOLD = 2;
    private static final int END_TOLD = 3;
    private static final int END_WAITS = 4;  // for the event being told
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<JobHandle> TOLD =
            AtomicIntegerFieldUpdater.newUpdater(JobHandle.class, "told");

    private final Object owner;  // the balancer that took the job: another's cancel or abandon is ignored
    private final String model;
    private final double priority;
    private final D data;
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private final Object transition = new Object();  // private: callers that lock a handle cannot stall it
    private volatile JobStatus status = JobStatus.QUEUED;  // written last, under transition
    private volatile Job<JobHandle<D, R>> job;
    private volatile int worker = -1;
    private volatile boolean modelLoaded;
    private volatile Supplier<String> dispatchReason;
    private volatile long startedNanos;
    private volatile long finishedNanos;
    private volatile String error;
    private volatile R value;
    private volatile Throwable failure;  // why a FAILED job failed, for its result
    private boolean endedByItsLoop;      // guarded by transition: ended by its loop, not yet published
    private volatile long loadNanos = -1;
    // the failure of a try that may have reached its worker, once the job was queued again after it
    private volatile NotDeliveredException reachedTry;
    private volatile boolean abandoned;  // nobody waits for it: not sent again
    // the thread that tells the listener this job was submitted, until it has; null without a listener
    private volatile Thread announcer;
    private volatile int told;  // what the listener has been told: 0, nothing yet, or TELLING_EVENT... END_WAITS

    JobHandle(String model, double priority, D data) {
        this(null, model, priority, data);
    }

    JobHandle(Object owner, String model, double priority, D data) {
        this.owner = owner;
        this.model = Objects.requireNonNull(model, "model");
        this.priority = priority;
        this.data = data;
    }

    /** Returns the job's id. */
    public long id() {
        return job.id();
    }

    /** Returns the model the job needs. */
    public String model() {
        return model;
    }

    /** Returns the priority, in seconds of head start. */
    public double priority() {
        return priority;
    }

    /** Returns the job's data. */
    public D data() {
        return data;
    }

    /** Returns the current status. */
    public JobStatus status() {
        return status;
    }

    /** Returns the worker that ran or runs the job, or -1. */
    public int worker() {
        return worker;
    }

    /** Returns whether this job made its worker load the model. */
    public boolean modelLoaded() {
        return modelLoaded;
    }

    /** Returns the strategy's reason for starting this job, or null before it started. */
    public String dispatchReason() {
        Supplier<String> reason = dispatchReason;
        return reason == null ? null : Decision.read(reason);
    }

    /** Returns the submit time, on the balancer's clock. */
    public long submittedNanos() {
        return job.submittedNanos();
    }

    /** Returns the start time on the balancer's clock, or 0 before it started. */
    public long startedNanos() {
        return startedNanos;
    }

    /** Returns the end time on the balancer's clock, or 0 before it ended. */
    public long finishedNanos() {
        return finishedNanos;
    }

    /** Returns how long loading the model took, or -1 when unknown or when the job loaded none. */
    public long loadNanos() {
        return loadNanos;
    }

    /** Returns why the job failed, expired or was cancelled, or null. */
    public String error() {
        return error;
    }

    /** Returns the result once the job is DONE, else null; unlike {@link #result}, set before the status. */
    public R resultIfDone() {
        return status == JobStatus.DONE ? value : null;
    }

    /**
     * Returns a future of the result, completed with the result when DONE, or exceptionally (the
     * cause a {@link JobFailedException} when FAILED, a {@link JobExpiredException} when EXPIRED, a
     * {@link java.util.concurrent.CancellationException} when CANCELLED). Each call returns a new
     * copy: cancelling or completing it leaves the job and other callers' copies unchanged.
     *
     * <p>It completes on the worker's thread, which runs stages added without {@code Async}
     * ({@code thenApply}, {@code thenAccept}...) before it takes its next job: use the
     * {@code ...Async} forms for anything that blocks, above all for one that waits for another
     * job, which that worker may be the one to run.
     */
    public CompletableFuture<R> result() {
        // a copy: a caller that cancels or completes it cannot change the job's outcome for others
        return result.copy();
    }

    boolean isOwnedBy(Object balancer) {
        return owner == balancer;
    }

    /** Returns the scheduling job; set before the handle is visible to any worker. */
    Job<JobHandle<D, R>> job() {
        return job;
    }

    void bind(Job<JobHandle<D, R>> job) {
        this.job = job;
    }

    // before the job is queued: the listener hears of it from submitter first
    void toBeAnnouncedBy(Thread submitter) {
        announcer = submitter;
    }

    // the listener has heard that the job was submitted: what others would tell it may follow
    void announced() {
        synchronized (transition) {
            announcer = null;
            transition.notifyAll();
        }
    }

    // a thread that would tell the listener more of this job (it started, it ended) waits until the
    // submitter has told it the job was submitted, which takes the listener's callback; the submitter
    // itself goes on (a listener may cancel the job it hears of)
    void awaitAnnouncement() {
        Thread by = announcer;
        if (by == null || by == Thread.currentThread()) {
            return;
        }
        boolean interrupted = false;
        synchronized (transition) {
            while (announcer != null) {
                try {
                    transition.wait();
                } catch (InterruptedException e) {
                    interrupted = true;  // a wait of one callback: finish it, keep the interrupt
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // What the listener has been told of the job: a shutdown can end a job as its worker's loop
    // tells the listener it started, or was queued again. Such an event is not told once the end
    // has been, and an end that comes while one is being told waits for it: the thread telling the
    // event tells the end next. No thread blocks on another's callback.
    boolean tellingEvent() {
        while (true) {
            int now = told;  // EVENT_TOLD once a start or requeue was told: another may follow
            if (now == END_TOLD || now == END_WAITS) {
                return false;
            }
            if (TOLD.compareAndSet(this, now, TELLING_EVENT)) {
                return true;
            }
        }
    }

    // the event has been told; returns whether an end came meanwhile, which the caller tells now
    boolean eventTold() {
        if (TOLD.compareAndSet(this, TELLING_EVENT, EVENT_TOLD)) {
            return false;
        }
        told = END_TOLD;  // it was END_WAITS: nothing else changes it
        return true;
    }

    // returns whether the caller tells the end now; if not, the thread telling an event will
    boolean endTelling() {
        while (true) {
            int now = told;
            if (now == END_TOLD || now == END_WAITS) {
                return false;
            }
            if (TOLD.compareAndSet(this, now, now == TELLING_EVENT ? END_WAITS : END_TOLD)) {
                return now != TELLING_EVENT;
            }
        }
    }

    // returns false when the job is no longer QUEUED (shutdown failed it as handed out)
    boolean started(Assignment<JobHandle<D, R>> assignment, long nowNanos) {
        synchronized (transition) {
            if (status != JobStatus.QUEUED) {
                return false;
            }
            worker = assignment.worker();
            modelLoaded = assignment.load();
            dispatchReason = assignment.lazyReason();
            startedNanos = nowNanos;
            status = JobStatus.RUNNING;
            return true;
        }
    }

    void loaded(long nanos) {
        loadNanos = nanos;
    }

    // a job that could not be delivered waits again: once if it may have reached its worker, whenever
    // it did not; not once abandoned: it is then cancelled if it never reached (see cancelUndelivered)
    boolean requeue(NotDeliveredException failure) {
        synchronized (transition) {
            if (abandoned || failure.mayHaveReached() && reachedTry != null || status != JobStatus.RUNNING) {
                return false;
            }
            if (failure.mayHaveReached()) {
                reachedTry = failure;
            }
            worker = -1;
            modelLoaded = false;
            startedNanos = 0;
            status = JobStatus.QUEUED;
            return true;
        }
    }

    /**
     * Ends the running job DONE without completing its result yet: its worker's loop completes it
     * with {@link #publish} once the worker's counts include the job, so that a client woken by
     * the result reads them up to date. Returns false when the job had already ended (failed by
     * shutdown at the drain timeout).
     */
    boolean endDone(R value, long nowNanos) {
        return endByItsLoop(JobStatus.DONE, nowNanos, null, value, null);
    }

    /** As {@link #endDone}, FAILED with {@code message}. */
    boolean endFailed(String message, Throwable cause, long nowNanos) {
        return endByItsLoop(JobStatus.FAILED, nowNanos, message, null, cause);
    }

    private boolean endByItsLoop(JobStatus to, long nowNanos, String message, R outcome, Throwable cause) {
        synchronized (transition) {
            endedByItsLoop = end(JobStatus.RUNNING, to, nowNanos, message, outcome, cause);
            return endedByItsLoop;
        }
    }

    /**
     * Returns whether its worker's loop ended the job ({@link #endDone}, {@link #endFailed}) and
     * has not taken this yet: only that loop publishes it, once.
     */
    boolean takeEndedByItsLoop() {
        synchronized (transition) {
            boolean ended = endedByItsLoop;
            endedByItsLoop = false;
            return ended;
        }
    }

    /**
     * Completes the result of a job ended by {@link #endDone}, {@link #endFailed} or
     * {@link #cancelUndelivered}; returns false when it was complete already (or the job has not
     * ended so).
     */
    boolean publish() {
        return switch (status) {
            case DONE -> result.complete(value);
            case FAILED -> result.completeExceptionally(new JobFailedException(error, failure));
            case CANCELLED -> result.completeExceptionally(cancelled(error));
            default -> false;
        };
    }

    private CancellationException cancelled(String why) {
        return new CancellationException("job " + id() + " " + why);
    }

    boolean fail(JobStatus from, String message, Throwable cause, long nowNanos) {
        return end(from, JobStatus.FAILED, nowNanos, message, null, cause) && publish();
    }

    // an abandoned running job whose try never reached its worker ends CANCELLED: it never ran. Not
    // queued again first, where a free worker could take it before anyone cancelled it. Its loop
    // completes its result with publish, once its worker no longer holds it
    boolean cancelUndelivered(String why, long nowNanos) {
        synchronized (transition) {
            if (!abandoned || status != JobStatus.RUNNING) {
                return false;
            }
            worker = -1;
            modelLoaded = false;
            startedNanos = 0;
            return end(JobStatus.RUNNING, JobStatus.CANCELLED, nowNanos, why, null, null);
        }
    }

    // nobody waits for this job any more: should its try fail before any answer, it is not sent again
    void abandon() {
        synchronized (transition) {
            abandoned = true;
        }
    }

    boolean isAbandoned() {
        return abandoned;
    }

    /**
     * Returns the failure of an earlier try that may have reached its worker (the connection broke
     * before any answer: the job may have run), once the job waits again after it; otherwise null.
     */
    NotDeliveredException reachedTry() {
        return reachedTry;
    }

    boolean expire(String message, long nowNanos) {
        if (!end(JobStatus.QUEUED, JobStatus.EXPIRED, nowNanos, message, null, null)) {
            return false;
        }
        result.completeExceptionally(new JobExpiredException(message));
        return true;
    }

    // why, starting "cancelled", becomes its error: who cancelled it, or that its client left
    boolean cancel(String why, long nowNanos) {
        if (!end(JobStatus.QUEUED, JobStatus.CANCELLED, nowNanos, why, null, null)) {
            return false;
        }
        result.completeExceptionally(cancelled(why));
        return true;
    }

    // the future completes after this returns, outside the lock: its callbacks see the final status
    private boolean end(JobStatus from, JobStatus to, long nowNanos, String message, R outcome, Throwable cause) {
        synchronized (transition) {
            if (status != from) {
                return false;
            }
            finishedNanos = nowNanos;
            error = message;
            value = outcome;
            failure = cause;
            status = to;
            return true;
        }
    }

    @Override
    public String toString() {
        Job<?> j = job;
        return "JobHandle[" + (j == null ? "?" : j.id()) + ", " + model + ", " + status + "]";
    }
}
