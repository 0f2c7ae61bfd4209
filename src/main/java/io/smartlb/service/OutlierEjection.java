package io.smartlb.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartlb.backend.ForwardResponse;
import io.smartlb.backend.UpstreamException;
import io.smartlb.core.Work;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;

/**
 * Outlier ejection, as Envoy's consecutive-5xx detection does it. An upstream that passes its
 * health probe but fails every job, and fast, is free again at once, and a free worker is offered
 * jobs first, so it draws most of them (an outside pass: 22 of 22 jobs failed on it, with a
 * healthy upstream beside it). After {@code limit} jobs in a row that its upstream failed (an
 * answer of 500 or more, through {@code /forward} too, or no complete answer: broken off, not HTTP,
 * timed out), its worker is taken out of service, if another worker is in service, for
 * {@code time} and after that until it passes a health probe. An answer below 500 (a 4xx is the
 * request's fault) resets the count; a job that never reached the upstream does not count, as the
 * backend takes that worker out itself. Thread-safe.
 */
final class OutlierEjection {

    private final int limit;
    private final long timeNanos;
    private final LongSupplier clock;
    private final AtomicIntegerArray failuresInARow;
    private final AtomicLongArray ejectedUntil;
    private final AtomicLong ejections = new AtomicLong();

    /**
     * @param limit jobs in a row an upstream fails before its worker is ejected (at least 1)
     * @param time how long an ejected worker stays out before a passing probe brings it back
     * @param clock nanoseconds from a start at or after 0 (the service's clock)
     */
    OutlierEjection(int workers, int limit, Duration time, LongSupplier clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
        this.timeNanos = time.toNanos();
        this.clock = clock;
        this.failuresInARow = new AtomicIntegerArray(workers);
        this.ejectedUntil = new AtomicLongArray(workers);
    }

    /**
     * Returns {@code work} counting each job's outcome for its worker; {@code eject} is asked to take
     * a worker out of service once its upstream failed {@code limit} jobs in a row, and answers
     * whether it did (not when it is the last worker in service).
     */
    Work<JsonNode, JsonNode> watch(Work<JsonNode, JsonNode> work, IntPredicate eject) {
        return task -> {
            JsonNode result;
            try {
                result = work.run(task);
            } catch (UpstreamException e) {
                count(task.worker(), isUpstreamFault(e.upstreamStatus()), eject);
                throw e;
            }
            ForwardResponse forwarded = ForwardJobs.response(result);
            count(task.worker(), forwarded != null && isUpstreamFault(forwarded.status()), eject);
            return result;
        };
    }

    /** Returns whether {@code worker} was ejected less than the ejection time ago: a passing probe must not bring it back yet. */
    boolean isEjected(int worker) {
        return clock.getAsLong() - ejectedUntil.get(worker) < 0;
    }

    /** Returns how many times a worker was ejected. */
    long ejections() {
        return ejections.get();
    }

    /** Returns how many jobs in a row the upstream failed before its worker is ejected. */
    int limit() {
        return limit;
    }

    // 0: no complete answer (broken off, not HTTP, timed out)
    private static boolean isUpstreamFault(int status) {
        return status == 0 || status >= 500;
    }

    private void count(int worker, boolean failed, IntPredicate eject) {
        if (!failed) {
            failuresInARow.set(worker, 0);
            return;
        }
        if (failuresInARow.incrementAndGet(worker) < limit) {
            return;
        }
        // set before the worker goes down, so that a probe answered just after cannot bring it back
        long before = ejectedUntil.getAndSet(worker, clock.getAsLong() + timeNanos);
        if (eject.test(worker)) {
            failuresInARow.set(worker, 0);
            ejections.incrementAndGet();
        } else {
            ejectedUntil.set(worker, before);  // the last worker in service: its jobs fail rather than wait
        }
    }
}
