package io.smartlb.core;

/** Thrown when the queue holds its capacity of waiting jobs, or as much job data as it may. */
public final class QueueFullException extends RejectedJobException {

    private static final long serialVersionUID = 1L;

    public QueueFullException(int capacity) {
        super("queue full: " + capacity + (capacity == 1 ? " job" : " jobs") + " waiting");
    }

    /** A queue full for another reason than its count of jobs, said in {@code message}. */
    public QueueFullException(String message) {
        super(message);
    }
}
