package io.smartlb.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartlb.core.JobHandle;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The jobs a client can still read: queued and running ones, and finished ones for the retention
 * time (at most {@code maxRetained} of them, oldest forgotten first), with their idempotency keys.
 * Memory is bounded by queue capacity + workers + maxRetained. Thread-safe.
 */
final class JobRegistry {

    /** Returns the job for a key: the known one, or a new one from {@code submit}. */
    record Lookup(Job job, boolean created) {
    }

    /** A job, its idempotency key (or null), and whether it is in the finished queue. */
    record Job(JobHandle<JsonNode, JsonNode> handle, String key, AtomicBoolean retained) {
        Job(JobHandle<JsonNode, JsonNode> handle, String key) {
            this(handle, key, new AtomicBoolean());
        }
    }

    private final Map<Long, Job> byId = new ConcurrentHashMap<>();
    private final Map<String, Job> byKey = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Job> finished = new ConcurrentLinkedQueue<>();
    private final AtomicInteger finishedCount = new AtomicInteger();
    private final long retentionNanos;
    private final int maxRetained;

    JobRegistry(long retentionNanos, int maxRetained) {
        this.retentionNanos = retentionNanos;
        this.maxRetained = maxRetained;
    }

    /**
     * Registers a job made by {@code submit}; with a key, returns the job already known for it.
     * {@code submit}'s exceptions (queue full, shutting down) pass through and register nothing.
     */
    Lookup register(String key, Supplier<JobHandle<JsonNode, JsonNode>> submit) {
        if (key == null) {
            Job job = new Job(submit.get(), null);
            add(job);
            return new Lookup(job, true);
        }
        boolean[] created = {false};
        Job job = byKey.computeIfAbsent(key, k -> {
            created[0] = true;
            return new Job(submit.get(), k);
        });
        if (created[0]) {
            add(job);
        }
        return new Lookup(job, created[0]);
    }

    private void add(Job job) {
        byId.put(job.handle().id(), job);
        // the job may have ended before it was registered: then finished() did not see it
        if (job.handle().status().isFinal()) {
            retain(job);
        }
    }

    private void retain(Job job) {
        if (job.retained().compareAndSet(false, true)) {
            finished.add(job);
            finishedCount.incrementAndGet();
        }
    }

    /** Returns the job with this id, if it is still known. */
    Optional<JobHandle<JsonNode, JsonNode>> find(long id) {
        Job job = byId.get(id);
        return job == null ? Optional.empty() : Optional.of(job.handle());
    }

    /** Notes that a job ended; it is forgotten after the retention time. */
    void finished(JobHandle<?, ?> handle) {
        Job job = byId.get(handle.id());
        if (job != null) {
            retain(job);
        }
    }

    /** Forgets jobs finished before {@code nowNanos - retention}, and the oldest past maxRetained. */
    synchronized int forget(long nowNanos) {
        int forgotten = 0;
        Job oldest;
        while ((oldest = finished.peek()) != null
                && (finishedCount.get() > maxRetained || nowNanos - oldest.handle().finishedNanos() > retentionNanos)) {
            finished.poll();  // the one consumer: poll() takes the element peek() saw
            finishedCount.decrementAndGet();
            byId.remove(oldest.handle().id());
            if (oldest.key() != null) {
                byKey.remove(oldest.key(), oldest);
            }
            forgotten++;
        }
        return forgotten;
    }

    /** Returns how many jobs are known. */
    int size() {
        return byId.size();
    }
}
