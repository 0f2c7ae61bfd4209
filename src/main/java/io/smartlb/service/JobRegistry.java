package io.smartlb.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartlb.core.JobHandle;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The jobs a client can still read: queued and running ones by their live handle, and ended ones,
 * for the retention time and at most {@code maxRetained} of them (oldest forgotten first), by the
 * compact {@link FinishedJob} that replaces the handle as soon as the job ends. A job submitted
 * with an idempotency key also keeps its handle under that key while it is retained, so that a
 * retry gets the same handle (result future included). Memory is bounded twice: in jobs, by queue
 * capacity + workers + maxRetained; in bytes, by the data of queued and running jobs
 * (counted by the caller, released here through {@code releaseData} when a job ends) and by
 * {@code maxRetainedBytes} of ended ones
 * (their texts, and for a job with a key also the data and result its handle keeps).
 *
 * <p>Thread-safe. Live jobs are in a concurrent map, read without a lock. {@code lock} guards the
 * ended jobs ({@link FinishedJobs}) and their handover from the live map, so that a job is retained
 * once; it is held for O(1) per job looked up, ended or forgotten, never while encoding a result.
 * Submissions with a key are made one at a time per stripe of keys ({@code keyLocks}), so that
 * two with the same key make one job, and a slow one holds up only keys of its stripe.
 */
final class JobRegistry {

    private static final int KEY_STRIPES = 64;  // a power of two

    /**
     * The job for a submission.
     *
     * @param handle the job's handle: the new one, or the one known for the idempotency key
     * @param created false when the key named a job submitted before
     */
    record Lookup(JobHandle<JsonNode, JsonNode> handle, boolean created) {
    }

    private final Map<Long, KnownJob.Live> live = new ConcurrentHashMap<>();
    private final Map<String, KnownJob.Live> byKey = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    // one submission per key at a time: a lock per stripe of keys, taken before lock, never inside it
    private final Object[] keyLocks = new Object[KEY_STRIPES];
    private final FinishedJobs finished = new FinishedJobs();  // guarded by lock
    private final long retentionNanos;
    private final int maxRetained;
    private final long maxRetainedBytes;
    private final LongConsumer releaseData;
    private final Function<JsonNode, byte[]> encode;

    /**
     * @param retentionNanos how long an ended job stays readable
     * @param maxRetained how many ended jobs stay readable at most
     * @param maxRetainedBytes how many bytes ended jobs may take; the newest stays whatever its size
     * @param releaseData told, once per job, of the data bytes it was registered with when it ends
     * @param encode writes a result as UTF-8 JSON, or returns null when it cannot
     */
    JobRegistry(long retentionNanos, int maxRetained, long maxRetainedBytes, LongConsumer releaseData,
                Function<JsonNode, byte[]> encode) {
        if (retentionNanos <= 0) {
            throw new IllegalArgumentException("retention must be > 0: " + retentionNanos + " ns");
        }
        if (maxRetained < 0) {
            throw new IllegalArgumentException("maxRetained must be >= 0: " + maxRetained);
        }
        if (maxRetainedBytes < 1) {
            throw new IllegalArgumentException("maxRetainedBytes must be >= 1: " + maxRetainedBytes);
        }
        this.retentionNanos = retentionNanos;
        this.maxRetained = maxRetained;
        this.maxRetainedBytes = maxRetainedBytes;
        this.releaseData = Objects.requireNonNull(releaseData, "releaseData");
        this.encode = encode;
        for (int i = 0; i < KEY_STRIPES; i++) {
            keyLocks[i] = new Object();
        }
    }

    /**
     * Registers a job made by {@code submit}, whose data of {@code dataBytes} is released when it
     * ends; with a key, returns the job already known for it. {@code submit}'s exceptions (queue
     * full, shutting down) pass through and register nothing.
     */
    Lookup register(String key, long dataBytes, Supplier<JobHandle<JsonNode, JsonNode>> submit) {
        if (key == null) {
            KnownJob.Live job = new KnownJob.Live(submit.get(), null, dataBytes);
            add(job);
            return new Lookup(job.handle(), true);
        }
        // not in byKey.computeIfAbsent: submit may end expired jobs on this thread, whose retire()
        // drops keys from byKey, and a ConcurrentHashMap must not be changed from its own compute
        synchronized (keyLock(key)) {
            KnownJob.Live known = byKey.get(key);
            if (known != null) {
                return new Lookup(known.handle(), false);
            }
            KnownJob.Live job = new KnownJob.Live(submit.get(), key, dataBytes);
            byKey.put(key, job);
            add(job);
            return new Lookup(job.handle(), true);
        }
    }

    private Object keyLock(String key) {
        int hash = key.hashCode();
        return keyLocks[(hash ^ hash >>> 16) & (KEY_STRIPES - 1)];
    }

    private void add(KnownJob.Live job) {
        live.put(job.id(), job);
        // the job may have ended before it was registered: then finished() did not see it
        if (job.status().isFinal()) {
            retire(job);
        }
    }

    /** Returns the job with this id, if it is still known. */
    Optional<KnownJob> find(long id) {
        KnownJob.Live job = live.get(id);
        if (job != null) {
            return Optional.of(job);
        }
        // retire() adds a job to the ended ones before it leaves the live map: a job missed there is here
        synchronized (lock) {
            return Optional.ofNullable(finished.find(id));
        }
    }

    /** Notes that a job ended: its record replaces its handle, and it is forgotten after the retention. */
    void finished(JobHandle<?, ?> handle) {
        KnownJob.Live job = live.get(handle.id());
        if (job != null) {
            retire(job);
        }
    }

    private void retire(KnownJob.Live job) {
        FinishedJob record = FinishedJob.of(job.handle(), job.key(), encode);
        synchronized (lock) {
            // add() and finished() may both see the job end: the first one retains it
            if (live.get(job.id()) != job) {
                return;
            }
            finished.add(record, weight(record, job));
            live.remove(job.id());
            releaseData.accept(job.dataBytes());
            // the caps hold at once, not only at the next housekeeping
            while (finished.size() > maxRetained || (finished.size() > 1 && finished.bytes() > maxRetainedBytes)) {
                drop(finished.removeOldest());
            }
        }
    }

    // a job with a key keeps its handle, with its data and result, as long as its record
    private static int weight(FinishedJob record, KnownJob.Live job) {
        long bytes = record.textBytes() + (job.key() == null ? 0 : record.textBytes() + job.dataBytes());
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /** Forgets the jobs that ended before {@code nowNanos - retention}; returns how many. */
    int forget(long nowNanos) {
        int forgotten = 0;
        synchronized (lock) {
            FinishedJob oldest;
            // finish order is end-time order but for jobs ending together on two workers: such a
            // job waits for the next round at most
            while ((oldest = finished.oldest()) != null && nowNanos - oldest.finishedNanos() > retentionNanos) {
                drop(finished.removeOldest());
                forgotten++;
            }
        }
        return forgotten;
    }

    private void drop(FinishedJob job) {
        if (job.key() != null) {
            byKey.computeIfPresent(job.key(), (k, live) -> live.id() == job.id() ? null : live);
        }
    }

    /** Returns how many jobs are known, live or ended. */
    int size() {
        synchronized (lock) {
            return live.size() + finished.size();
        }
    }

    /** Returns how many ended jobs are retained. */
    int retained() {
        synchronized (lock) {
            return finished.size();
        }
    }

    /** Returns the bytes the retained ended jobs are counted for. */
    long retainedBytes() {
        synchronized (lock) {
            return finished.bytes();
        }
    }
}
