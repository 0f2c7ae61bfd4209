package io.smartlb.service;

/**
 * An idempotency key came with a request other than the one it was first used for (another model,
 * data or priority); nothing was queued. A retry must repeat its request exactly.
 */
public final class IdempotencyKeyReusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long jobId;

    IdempotencyKeyReusedException(String key, long jobId) {
        super("Idempotency-Key '" + key + "' was used for another request (job " + jobId + "); a retry must send the same model, data and priority");
        this.jobId = jobId;
    }

    /** Returns the job the key was first used for. */
    public long jobId() {
        return jobId;
    }
}
