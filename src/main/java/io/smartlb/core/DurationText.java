package io.smartlb.core;

import java.time.Duration;

/**
 * Durations written as a person types them in {@code application.properties} or {@code --set}
 * ({@code 0s}, {@code 500ms}, {@code -5s}, {@code 2m}), so that an error quotes a value in the form
 * the user gave it rather than ISO-8601 ({@code PT0S}).
 */
public final class DurationText {

    private static final long[] UNIT_SECONDS = {86_400, 3_600, 60, 1};
    private static final String[] UNIT_NAMES = {"d", "h", "m", "s"};

    private DurationText() {
    }

    /** Returns {@code duration} in the largest of d, h, m, s, ms that writes it whole; ISO-8601 if none does. */
    public static String of(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        long seconds = duration.getSeconds();
        if (duration.getNano() == 0) {
            for (int i = 0; i < UNIT_SECONDS.length; i++) {
                if (seconds % UNIT_SECONDS[i] == 0) {
                    return seconds / UNIT_SECONDS[i] + UNIT_NAMES[i];
                }
            }
        }
        if (duration.getNano() % 1_000_000 == 0 && seconds > -(Long.MAX_VALUE / 1_000) && seconds < Long.MAX_VALUE / 1_000) {
            return duration.toMillis() + "ms";
        }
        return duration.toString();
    }
}
