package io.smartlb.core;

import java.util.Objects;

/**
 * A strategy's answer for a free worker: a job to run, or none, with a short reason a person can
 * read ({@code kept m1}, {@code switched to m7: oldest}).
 *
 * @param job the chosen job, or null to leave the worker idle
 * @param reason why, never null
 */
public record Decision(Job<?> job, String reason) {

    private static final Decision NOTHING_WAITS = new Decision(null, "nothing waits");

    public Decision {
        Objects.requireNonNull(reason, "reason");
    }

    /** Returns a decision to run {@code job}. */
    public static Decision run(Job<?> job, String reason) {
        return new Decision(Objects.requireNonNull(job, "job"), reason);
    }

    /** Returns a decision to leave the worker idle. */
    public static Decision idle(String reason) {
        return new Decision(null, reason);
    }

    /** Returns the decision for an empty queue. */
    public static Decision nothingWaits() {
        return NOTHING_WAITS;
    }

    /** Returns whether the worker stays idle. */
    public boolean isIdle() {
        return job == null;
    }
}
