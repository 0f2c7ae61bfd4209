package io.smartlb.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class DurationsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "10s,   PT10S",
        "500ms, PT0.5S",
        "2m,    PT2M",
        "1h,    PT1H",
        "1d,    PT24H",
        "30,    PT30S",
        "0,     PT0S",
        "PT10S, PT10S",
        "1.5s,  PT1.5S",
        "1h30m, PT1H30M",
        "' 5s ', PT5S",
        "-1s,   PT-1S",
    })
    void parse_quarkusForms(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "10 s", "1.5", "s"})
    void parse_notADuration_rejected(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
