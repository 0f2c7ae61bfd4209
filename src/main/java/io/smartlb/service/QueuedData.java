package io.smartlb.service;

import io.smartlb.core.QueueFullException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request data held by jobs that are queued or running, bounded by
 * {@code balancer.queue.max-bytes}: a job's data is counted from its submission until it ends, so
 * that large payloads fill the queue before they fill the heap. Thread-safe.
 */
final class QueuedData {

    private final long limit;
    private final AtomicLong bytes = new AtomicLong();

    /** @param limit the most bytes jobs may hold */
    QueuedData(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        this.limit = limit;
    }

    /**
     * Counts {@code size} more bytes.
     *
     * @throws QueueFullException when they would go over the limit; nothing is counted then
     */
    void reserve(long size) {
        long now = bytes.addAndGet(size);
        if (size > 0 && now > limit) {
            bytes.addAndGet(-size);
            throw new QueueFullException("queue full: queued and running jobs hold " + (now - size)
                    + " bytes of data; " + size + " more would pass balancer.queue.max-bytes (" + limit + ")");
        }
    }

    /** Stops counting {@code size} bytes (a job ended, or was never queued). */
    void release(long size) {
        bytes.addAndGet(-size);
    }

    /** Returns the limit. */
    long limit() {
        return limit;
    }
}
