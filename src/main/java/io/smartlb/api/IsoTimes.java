package io.smartlb.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 UTC times with milliseconds, {@code 2026-11-29T20:49:26.732Z}: the text of
 * {@code DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")} in UTC, written digit by
 * digit. Every job view carries three of them, and the formatter spends a zone lookup, a
 * date-time and a {@code BigDecimal} fraction on each.
 */
final class IsoTimes {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private IsoTimes() {
    }

    /** Returns the time {@code epochMillis} milliseconds after the epoch, as ISO-8601 UTC with milliseconds. */
    static String format(long epochMillis) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, MILLIS_PER_DAY));
        if (date.getYear() < 1 || date.getYear() > 9999) {
            // years of other widths, and of the era before year 1, are as the formatter writes them
            return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
        }
        int ms = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        byte[] text = new byte[24];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, ms / 3_600_000, 2);
        text[13] = ':';
        digits(text, 14, ms / 60_000 % 60, 2);
        text[16] = ':';
        digits(text, 17, ms / 1_000 % 60, 2);
        text[19] = '.';
        digits(text, 20, ms % 1_000, 3);
        text[23] = 'Z';
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    // writes value as exactly width digits, zero-padded
    private static void digits(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
