package io.smartlb.core;

/** Thrown when the balancer refuses a new job; the job was not queued. */
public class RejectedJobException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RejectedJobException(String message) {
        super(message);
    }
}
