package io.smartlb.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class DurationTextTest {

    @ParameterizedTest
    @CsvSource({
        "PT0S,          0s",
        "PT-5S,         -5s",
        "PT0.5S,        500ms",
        "PT1.5S,        1500ms",
        "PT2M,          2m",
        "PT90S,         90s",
        "PT1H,          1h",
        "PT48H,         2d",
        "PT0.0000015S,  PT0.0000015S",
        "PT-0.5S,       -500ms",
        "PT2562048H,    106752d",
        "PT-2562047788015215H-30M-7.5S, PT-2562047788015215H-30M-7.5S",
    })
    void of_writesTheLargestWholeUnit(String iso, String text) {
        assertThat(DurationText.of(Duration.parse(iso))).isEqualTo(text);
    }
}
