package io.smartlb.core.strategy;

import java.time.Duration;

/** Checks strategy penalties. */
final class Penalties {

    private Penalties() {
    }

    static long nanos(String name, Duration penalty) {
        if (penalty == null || penalty.isNegative()) {
            throw new IllegalArgumentException(name + " must be >= 0: " + penalty);
        }
        return penalty.toNanos();
    }
}
