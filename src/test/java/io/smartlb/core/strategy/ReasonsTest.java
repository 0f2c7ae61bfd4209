package io.smartlb.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlb.core.Job;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Waits in dispatch reasons: seconds with one decimal; overdue ones with as many as make them true. */
final class ReasonsTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0.0 s",
        "-5, 0.0 s",
        "965, 1.0 s",
        "1649, 1.6 s",
        "1650, 1.7 s",
        "95000, 95.0 s",
    })
    void seconds_roundsToTenths(long millis, String text) {
        assertThat(Reasons.seconds(millis * 1_000_000L)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // waited ms | priority s | max-wait ms | reason
        "61000      | 0          | 60000      | oldest waited 61.0 s > max-wait",
        "3001       | 0          | 3000       | oldest waited 3.001 s > max-wait",
        "3099       | 0          | 3000       | oldest waited 3.099 s > max-wait",
        "3150       | 0          | 3000       | oldest waited 3.1 s > max-wait",
        "3000.5     | 0          | 3000       | oldest waited 3.000500 s > max-wait",
        "300        | 10         | 1000       | oldest waited 0.3 s + 10.0 s priority > max-wait",
        "2950       | 0.1        | 3000       | oldest waited 2.950 s + 0.100 s priority > max-wait",
        "3060       | -0.05      | 3000       | oldest waited 3.060 s - 0.050 s priority > max-wait",
        "3150       | -0.05      | 3000       | oldest waited 3.150 s - 0.050 s priority > max-wait",
        "3250       | -0.01      | 3000       | oldest waited 3.2 s - 0.1 s priority > max-wait",
    })
    void overdue_showsAsManyDigitsAsMakeItTrue(double waitedMs, double priority, long maxWaitMs, String reason) {
        long submitted = 1_000_000_000_000L;
        Job<Void> job = Job.of(1, "m1", priority, submitted, null);
        long now = submitted + (long) (waitedMs * 1_000_000);
        assertThat(Reasons.overdue("oldest", job, now, maxWaitMs * 1_000_000)).isEqualTo(reason);
    }
}
