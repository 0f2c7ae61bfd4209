package io.smartlb.core;

/** Thrown when the balancer is shutting down, or has no worker left, and takes no new jobs. */
public final class ShutdownException extends RejectedJobException {

    private static final long serialVersionUID = 1L;

    public ShutdownException() {
        super("shutting down: no new jobs are accepted");
    }

    /** With what ended the balancer's service, e.g. that no worker is left. */
    public ShutdownException(String message) {
        super(message);
    }
}
