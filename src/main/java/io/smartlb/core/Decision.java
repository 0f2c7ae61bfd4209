package io.smartlb.core;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A strategy's answer for a free worker: a job to run, or none, with a short reason a person can
 * read ({@code kept m1: 14 waiting}, {@code switched m0 -> m7: oldest waited 95.0 s > max-wait}).
 * The reason may be given as a supplier of the text: it is then built only when someone reads it
 * (a job view, a debug log), not on every decision.
 *
 * <p>An idle worker is asked again when a job arrives, a worker ends a job or a model loses its
 * holder. A strategy whose answer can change with time alone (a job becoming overdue) says when
 * with {@link #idleUntil}: the worker is then also asked again at that time.
 */
public final class Decision {

    /** {@link #askAgainAtNanos()} of a decision that time alone does not change. */
    public static final long NEVER = Long.MAX_VALUE;

    private static final Decision NOTHING_WAITS = new Decision(null, () -> "nothing waits", NEVER);

    private final Job<?> job;
    private final Supplier<String> reason;
    private final long askAgainAtNanos;

    private Decision(Job<?> job, Supplier<String> reason, long askAgainAtNanos) {
        this.job = job;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.askAgainAtNanos = askAgainAtNanos;
    }

    /** Returns a decision to run {@code job}. */
    public static Decision run(Job<?> job, String reason) {
        Objects.requireNonNull(reason, "reason");
        return run(job, () -> reason);
    }

    /** Returns a decision to run {@code job}, its reason built only when read. */
    public static Decision run(Job<?> job, Supplier<String> reason) {
        return new Decision(Objects.requireNonNull(job, "job"), reason, NEVER);
    }

    /** Returns a decision to leave the worker idle. */
    public static Decision idle(String reason) {
        return idleUntil(NEVER, reason);
    }

    /**
     * Returns a decision to leave the worker idle and ask it again at {@code askAgainAtNanos} (on the
     * clock the strategy is given), unless an event asks it sooner; {@link #NEVER} for no such time.
     */
    public static Decision idleUntil(long askAgainAtNanos, String reason) {
        Objects.requireNonNull(reason, "reason");
        return new Decision(null, () -> reason, askAgainAtNanos);
    }

    /** Returns the decision for an empty queue. */
    public static Decision nothingWaits() {
        return NOTHING_WAITS;
    }

    /** Returns the chosen job, or null to leave the worker idle. */
    public Job<?> job() {
        return job;
    }

    /** Returns why, built now if it was given as a supplier. */
    public String reason() {
        return read(reason);
    }

    // a reason is the strategy's code, read later by whoever shows the job: one that throws must
    // not break what reads it (a finished job's record, a job view), so it says it failed instead
    static String read(Supplier<String> reason) {
        try {
            return reason.get();
        } catch (RuntimeException | Error e) {
            return "the strategy's reason failed: " + e;
        }
    }

    /** Returns the reason's supplier, for holders that read it later. */
    public Supplier<String> lazyReason() {
        return reason;
    }

    /** Returns whether the worker stays idle. */
    public boolean isIdle() {
        return job == null;
    }

    /** Returns when an idle worker should be asked again though nothing happened, or {@link #NEVER}. */
    public long askAgainAtNanos() {
        return askAgainAtNanos;
    }

    @Override
    public String toString() {
        return "Decision[" + job + ", " + reason() + "]";
    }
}
