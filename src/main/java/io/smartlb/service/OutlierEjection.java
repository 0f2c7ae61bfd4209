package io.smartlb.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartlb.backend.ForwardResponse;
import io.smartlb.backend.UpstreamException;
import io.smartlb.core.DurationText;
import io.smartlb.core.NotDeliveredException;
import io.smartlb.core.Work;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Outlier ejection, after Envoy's consecutive gateway failures. An upstream that passes its health
 * probe but fails every job, and fast, is free again at once, and a free worker is offered jobs
 * first, so it draws most of them (an outside pass: 22 of 22 jobs failed on it, with a healthy
 * upstream beside it).
 *
 * <p>After {@code limit} jobs in a row that its upstream failed as a gateway does (an answer of
 * 502, 503 or 504, through {@code /forward} too, or no complete answer: broken off, not HTTP, timed
 * out, or none at all: a connection that broke before any answer, whose job is sent again), its
 * worker is taken out of service for {@code time} times the number of ejections in a row (at most
 * ten), and after that until it passes a health probe, or sooner once no other worker is in
 * service. Any other answer resets the count, and a job that ends well also the number of
 * ejections; a worker that a probe brings back after a failed probe (its upstream may have
 * restarted) starts from 0. A 500 does not count: it is often one request's or one model's fault,
 * and counting it would move a broken model's jobs from worker to worker, ejecting each. Bounds, as
 * Envoy's {@code max_ejection_percent}: at most a quarter of the workers (at least one) are out by
 * ejection at once (from the ejection until a probe brings it back), and never the last worker in
 * service, whose jobs then fail rather than wait. A refused connection neither counts nor resets:
 * the job never reached the upstream.
 *
 * <p>Thread-safe. Ejections are decided under the lock that health-probe answers are applied
 * under, so a probe answered at the same time cannot bring an ejected worker straight back.
 */
final class OutlierEjection {

    private static final Logger LOG = Logger.getLogger(OutlierEjection.class);
    // at most one worker in this many is out by ejection at once (rounded up: at least one)
    private static final int EJECTED_SHARE = 4;
    // an ejection lasts the ejection time times the ejections in a row, at most this many times
    private static final int MAX_TIME_FACTOR = 10;

    private final int limit;
    private final Duration time;
    private final LongSupplier clock;
    private final Object lock;
    private final IntPredicate isDown;
    private final IntConsumer markDown;
    private final AtomicIntegerArray failuresInARow;
    private final AtomicIntegerArray ejectionsInARow;
    private final long[] ejectedUntil;  // guarded by lock
    private final boolean[] out;  // guarded by lock: ejected, and no probe has brought it back since
    private long ejections;  // guarded by lock

    /**
     * @param limit gateway failures in a row before a worker is ejected (at least 1)
     * @param time how long a first ejection lasts before a passing probe may bring the worker back
     * @param clock nanoseconds, as the service's
     * @param lock the lock health-probe answers are applied under
     * @param isDown whether a worker is out of service
     * @param markDown takes a worker out of service
     */
    OutlierEjection(int workers, int limit, Duration time, LongSupplier clock, Object lock, IntPredicate isDown,
            IntConsumer markDown) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
        this.time = time;
        this.clock = clock;
        this.lock = lock;
        this.isDown = isDown;
        this.markDown = markDown;
        this.failuresInARow = new AtomicIntegerArray(workers);
        this.ejectionsInARow = new AtomicIntegerArray(workers);
        this.ejectedUntil = new long[workers];
        this.out = new boolean[workers];
    }

    /** Returns {@code work} counting each job's outcome for its worker, and ejecting as above. */
    Work<JsonNode, JsonNode> watch(Work<JsonNode, JsonNode> work) {
        return task -> {
            JsonNode result;
            try {
                result = work.run(task);
            } catch (UpstreamException e) {
                count(task.worker(), !e.isComplete() || isGatewayFailure(e.upstreamStatus()), false);
                throw e;
            } catch (NotDeliveredException e) {
                if (e.mayHaveReached()) {
                    count(task.worker(), true, false);  // broken before any answer: sent again, and may run twice
                }
                throw e;  // a refused connection: its probes take the upstream out
            }
            ForwardResponse forwarded = ForwardJobs.response(result);
            boolean failed = forwarded != null && isGatewayFailure(forwarded.status());
            count(task.worker(), failed, !failed && (forwarded == null || forwarded.status() < 500));
            return result;
        };
    }

    /**
     * Returns whether a passing probe must leave {@code worker} out of service: it was ejected
     * less than its ejection time ago, and another worker is in service (once none is, an ejected
     * worker comes back early, as the last one in service is never ejected). Call it under the
     * probe lock, with the answer it decides about.
     */
    boolean keepsOut(int worker) {
        synchronized (lock) {
            if (clock.getAsLong() - ejectedUntil[worker] >= 0) {
                return false;
            }
            if (anotherInService(worker)) {
                return true;
            }
            ejectedUntil[worker] = clock.getAsLong();  // ended early: the probe brings it back
            return false;
        }
    }

    /**
     * A probe brought {@code worker} back into service; after a failed probe (its upstream may
     * have restarted) its failures before no longer count. Not after a job's failed connection,
     * which took it out too: counted failures, they would never reach the limit.
     *
     * @return whether it was out by ejection
     */
    boolean backInService(int worker, boolean afterAFailedProbe) {
        boolean wasOut;
        synchronized (lock) {
            wasOut = out[worker];
            out[worker] = false;
        }
        if (afterAFailedProbe || wasOut) {
            failuresInARow.set(worker, 0);
        }
        return wasOut;
    }

    /**
     * A probe of {@code worker} failed: once its ejection time is over it is out because of its
     * probes, and no longer takes one of the places ejections may hold.
     */
    void probeFailed(int worker) {
        synchronized (lock) {
            if (clock.getAsLong() - ejectedUntil[worker] >= 0) {
                out[worker] = false;
            }
        }
    }

    /** Returns how many times a worker was ejected. */
    long ejections() {
        synchronized (lock) {
            return ejections;
        }
    }

    // now + length, or the longest a long holds (the ejection time may be configured up to 106751d)
    private static long saturatedSum(long now, Duration length) {
        long room = Long.MAX_VALUE - now;
        return length.compareTo(Duration.ofNanos(room)) >= 0 ? Long.MAX_VALUE : now + length.toNanos();
    }

    private static boolean isGatewayFailure(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    private void count(int worker, boolean failed, boolean succeeded) {
        if (!failed) {
            failuresInARow.set(worker, 0);
            if (succeeded) {
                ejectionsInARow.set(worker, 0);
            }
            return;
        }
        int failures = failuresInARow.incrementAndGet(worker);
        if (failures >= limit && eject(worker, failures)) {
            failuresInARow.set(worker, 0);
        }
    }

    // guarded by lock
    private boolean anotherInService(int worker) {
        for (int other = 0; other < ejectedUntil.length; other++) {
            if (other != worker && !isDown.test(other)) {
                return true;
            }
        }
        return false;
    }

    // takes worker out of service unless that would leave none in service, or more than a quarter
    // of the workers out by ejection; a worker not ejected is asked again at its next failure
    private boolean eject(int worker, int failures) {
        synchronized (lock) {
            long now = clock.getAsLong();
            int workers = ejectedUntil.length;
            int ejectedNow = 0;
            for (int other = 0; other < workers; other++) {
                if (other != worker && out[other]) {
                    ejectedNow++;  // its ejection time may be over, but it is not back yet
                }
            }
            if (!anotherInService(worker) || ejectedNow >= (workers + EJECTED_SHARE - 1) / EJECTED_SHARE) {
                return false;
            }
            int inARow = Math.min(ejectionsInARow.incrementAndGet(worker), MAX_TIME_FACTOR);
            Duration length = time.multipliedBy(inARow);
            ejectedUntil[worker] = saturatedSum(now, length);
            out[worker] = true;
            ejections++;
            markDown.accept(worker);
            LOG.warnf("worker %d: its upstream failed %d jobs in a row (an answer of 502, 503 or 504, or none complete):"
                    + " out of service for %s, then until it passes a health probe", worker, failures, DurationText.of(length));
            return true;
        }
    }
}
