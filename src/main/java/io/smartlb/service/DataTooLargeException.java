package io.smartlb.service;

import io.smartlb.core.RejectedJobException;

/**
 * A job's request (its body, as counted against the limit) is larger than {@code balancer.queue.max-bytes} allows all queued and running jobs
 * together, so it could never be queued; nothing was queued, and a retry cannot succeed.
 */
public final class DataTooLargeException extends RejectedJobException {

    private static final long serialVersionUID = 1L;

    DataTooLargeException(long bytes, long limit) {
        super("a request of " + bytes + " bytes is more than balancer.queue.max-bytes (" + limit
                + ") allows for all queued and running jobs together; it can never be queued");
    }
}
