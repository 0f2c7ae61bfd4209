package io.smartlb.core;

/** Completes a job's future when the job failed, was expired or was dropped at shutdown. */
public class JobFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
