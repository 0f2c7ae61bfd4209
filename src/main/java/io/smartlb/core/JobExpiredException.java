package io.smartlb.core;

/** Completes a job's future when the job waited past the queue's maximum wait and was dropped. */
public final class JobExpiredException extends JobFailedException {

    private static final long serialVersionUID = 1L;

    public JobExpiredException(String message) {
        super(message, null);
    }
}
