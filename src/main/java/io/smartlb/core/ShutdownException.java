package io.smartlb.core;

/** Thrown when the balancer is shutting down and takes no new jobs. */
public final class ShutdownException extends RejectedJobException {

    private static final long serialVersionUID = 1L;

    public ShutdownException() {
        super("shutting down: no new jobs are accepted");
    }
}
