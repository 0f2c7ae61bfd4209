package io.smartlb.core.strategy;

import io.smartlb.core.DurationText;
import java.time.Duration;

/** Checks strategy penalties and bounds: durations kept as nanoseconds in a long. */
final class Penalties {

    // the longest duration a long of nanoseconds holds (about 292 years)
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    private Penalties() {
    }

    static long nanos(String name, Duration penalty) {
        if (penalty == null || penalty.isNegative()) {
            throw new IllegalArgumentException(name + " must be >= 0: " + (penalty == null ? null : DurationText.of(penalty)));
        }
        return fitting(name, penalty);
    }

    static long positiveNanos(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0: " + (value == null ? null : DurationText.of(value)));
        }
        return fitting(name, value);
    }

    private static long fitting(String name, Duration value) {
        if (value.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(name + " is too long: " + DurationText.of(value) + "; use at most 106751d");
        }
        return value.toNanos();
    }
}
