package io.smartlb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class IsoTimesTest {

    // what job views used before: the text IsoTimes must reproduce
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static String expected(long epochMillis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }

    @Test
    void format_writesMillisecondsInUtc() {
        assertThat(IsoTimes.format(Instant.parse("2026-11-29T20:49:26.732Z").toEpochMilli()))
                .isEqualTo("2026-11-29T20:49:26.732Z");
        assertThat(IsoTimes.format(0)).isEqualTo("1970-01-01T00:00:00.000Z");
    }

    @Test
    void format_edgesOfDaysYearsAndEras_matchTheFormatter() {
        for (String time : new String[] {"2024-02-29T23:59:59.999Z", "2025-01-01T00:00:00.001Z",
                "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00.000Z", "0999-06-15T12:00:00.005Z",
                "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00.000Z", "0000-12-31T23:59:59.999Z",
                "-0001-01-01T00:00:00.000Z"}) {
            long millis = Instant.parse(time).toEpochMilli();
            assertThat(IsoTimes.format(millis)).as(time).isEqualTo(expected(millis));
        }
    }

    @Test
    void format_randomTimesFrom1900To2400_matchTheFormatter() {
        Random random = new Random(7);
        long from = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2400-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 10_000; i++) {
            long millis = from + (long) (random.nextDouble() * (to - from));
            assertThat(IsoTimes.format(millis)).isEqualTo(expected(millis));
        }
    }
}
