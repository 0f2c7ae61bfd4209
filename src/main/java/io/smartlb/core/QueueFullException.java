package io.smartlb.core;

/** Thrown when the queue holds its capacity of waiting jobs. */
public final class QueueFullException extends RejectedJobException {

    private static final long serialVersionUID = 1L;

    public QueueFullException(int capacity) {
        super("queue full: " + capacity + " jobs waiting");
    }
}
