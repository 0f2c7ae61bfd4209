package io.smartlb.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text from elsewhere stays one short line in a log or a job's error. */
final class BriefTest {

    @Test
    void of_longText_isCutAtTheMost() {
        assertThat(Brief.of("x".repeat(100_000))).isEqualTo("x".repeat(Brief.MOST) + "...");
        assertThat(Brief.of("x".repeat(Brief.MOST))).isEqualTo("x".repeat(Brief.MOST));
    }

    @Test
    void of_severalLines_keepsTheFirst() {
        assertThat(Brief.of("Invalid status line\nsecond\r\nthird")).isEqualTo("Invalid status line...");
    }

    @Test
    void of_controlCharacters_areEscaped() {
        assertThat(Brief.of("bell\u0007 esc\u001b[31m del\u007f")).isEqualTo("bell\\u0007 esc\\u001b[31m del\\u007f");
        assertThat(Brief.of(null)).isEqualTo("null");
    }
}
