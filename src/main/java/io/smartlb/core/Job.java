package io.smartlb.core;

import java.util.Comparator;
import java.util.Objects;

/**
 * A job waiting for, or assigned to, a worker. A job is equal only to itself: ids are unique within
 * one {@link Dispatcher}, not across dispatchers, so a job of another balancer (a strategy shared by
 * two, say) or a copy with the same id is never taken for a waiting one.
 *
 * <p>{@code priority} is seconds of head start: the job is ordered as if submitted that many
 * seconds earlier, so its {@code effectiveNanos} is {@code submittedNanos - priority * 1e9}.
 *
 * @param id unique, increasing in submission order
 * @param model the model the job needs
 * @param priority seconds of head start, finite, at most {@link #MAX_PRIORITY} in magnitude
 * @param submittedNanos when the job was submitted, on the dispatcher's clock
 * @param effectiveNanos the submit time the job is ordered by
 * @param payload what the caller attached (the work to run, or a trace row)
 * @param <P> the payload type
 */
public record Job<P>(long id, String model, double priority, long submittedNanos, long effectiveNanos, P payload) {

    /** Largest accepted priority magnitude, in seconds (about 11.6 days). */
    public static final double MAX_PRIORITY = 1_000_000;

    /** Orders jobs by effective submit time; ties go to the earlier submission, as a FIFO queue would. */
    public static final Comparator<Job<?>> BY_EFFECTIVE_TIME =
            Comparator.<Job<?>>comparingLong(Job::effectiveNanos).thenComparingLong(Job::id);

    public Job {
        Objects.requireNonNull(model, "model");
        if (model.isEmpty()) {
            throw new IllegalArgumentException("model must not be empty");
        }
        checkPriority(priority);
    }

    /** Returns a job whose effective time is derived from its submit time and priority. */
    public static <P> Job<P> of(long id, String model, double priority, long submittedNanos, P payload) {
        checkPriority(priority);
        long headStart = Math.round(priority * 1e9);
        return new Job<>(id, model, priority, submittedNanos, submittedNanos - headStart, payload);
    }

    /** Returns how long this job has waited at {@code nowNanos}. */
    public long waitedNanos(long nowNanos) {
        return nowNanos - submittedNanos;
    }

    private static void checkPriority(double priority) {
        if (!Double.isFinite(priority) || Math.abs(priority) > MAX_PRIORITY) {
            throw new IllegalArgumentException(
                    "priority must be finite and within +-" + (long) MAX_PRIORITY + " s: " + priority);
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "Job[" + id + ", " + model + "]";
    }
}
