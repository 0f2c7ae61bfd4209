package io.smartlb.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Waits in dispatch reasons: seconds with one decimal, rounded to the nearest tenth. */
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
}
