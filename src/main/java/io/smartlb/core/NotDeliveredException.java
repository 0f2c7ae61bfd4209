package io.smartlb.core;

/**
 * Thrown by {@link Work} when a job got no answer from its worker and running it elsewhere is
 * safe. The balancer takes the worker out of service and queues the job again. A job that never
 * reached the worker ({@link #refused}: the connection was refused or not accepted in time) waits
 * again as often as that happens, until a worker takes it; one that may have reached it (the
 * connection broke before any answer: the worker may have died running it) is queued again once,
 * and a second such failure fails the job, so that a job that kills its workers stops at two.
 * A job nobody waits for any more ({@link Balancer#abandon}) is not queued again: cancelled if it
 * never reached the worker, failed if it may have.
 */
public class NotDeliveredException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean mayHaveReached;

    /** A job that may have reached its worker before the connection broke. */
    public NotDeliveredException(String message, Throwable cause) {
        this(message, cause, true);
    }

    private NotDeliveredException(String message, Throwable cause, boolean mayHaveReached) {
        super(message, cause);
        this.mayHaveReached = mayHaveReached;
    }

    /** A job that never reached its worker: the connection was refused or not accepted in time. */
    public static NotDeliveredException refused(String message, Throwable cause) {
        return new NotDeliveredException(message, cause, false);
    }

    /** Returns whether the worker may have received the job (false when the connection was refused). */
    public boolean mayHaveReached() {
        return mayHaveReached;
    }
}
