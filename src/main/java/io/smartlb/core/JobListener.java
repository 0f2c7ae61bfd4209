package io.smartlb.core;

/**
 * Hears what happens to jobs, for metrics and logs. Called on the thread that caused the event,
 * outside the dispatcher's lock; implementations must be quick and should not throw: the balancer
 * logs an exception or an {@code Error} (a failed assertion, say) a listener throws (at the 1st,
 * 10th, 100th... time) and goes on without it; only a {@link VirtualMachineError} (out of memory)
 * goes on to the thread that called. For one job it hears {@code submitted} first and
 * {@code finished} last: any other thread that would tell it more of the job (a worker that takes
 * it at once; a cancel, an expiry or a shutdown that ends it) waits until {@code submitted} has
 * returned, so that callback must not wait for the job to start or end, nor shut the balancer
 * down, nor end another job whose own {@code submitted} may still be running (two such callbacks
 * cancelling each other's job would wait for each other); and a job a shutdown ended as its
 * worker started it (or queued it again) may not be told {@code started} (or {@code requeued}) at
 * all.
 */
public interface JobListener {

    /** A listener that does nothing. */
    JobListener NONE = new JobListener() {
    };

    /** Called once a job is queued. */
    default void submitted(JobHandle<?, ?> job) {
    }

    /** Called when a worker starts a job (before loading its model, if it must). */
    default void started(JobHandle<?, ?> job) {
    }

    /**
     * Called when a job {@code worker} could not deliver waits again, before it can start elsewhere:
     * {@code reason} says whether it may have reached the worker ({@link
     * NotDeliveredException#mayHaveReached}); {@code loaded} whether that try was to load its model.
     */
    default void requeued(JobHandle<?, ?> job, int worker, boolean loaded, NotDeliveredException reason) {
    }

    /**
     * Called once a job has ended, whatever its final status. For a job its worker ran to the end,
     * after the worker's counts include it and before its result completes, so that a client woken
     * by the result finds both up to date.
     */
    default void finished(JobHandle<?, ?> job) {
    }

    /** Called when a job for {@code model} is refused (queue full, shutting down); it was not queued. */
    default void refused(String model, RejectedJobException reason) {
    }
}
