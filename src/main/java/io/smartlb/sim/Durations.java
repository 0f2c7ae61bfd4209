package io.smartlb.sim;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Parses durations the way Quarkus configuration does ({@code io.quarkus.runtime.configuration.
 * DurationConverter}), so a value copied from {@code application.properties} means the same here:
 * a plain number is seconds; a number with {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}
 * is that unit; {@code 1.5s} and {@code 1h30m} read as ISO-8601 after a {@code PT} prefix; anything
 * else must be ISO-8601 ({@code PT10S}).
 */
final class Durations {

    // digits and a unit, too many for a long or a Duration
    private static final Pattern WHOLE_AMOUNT = Pattern.compile("(?i)[+-]?\\d+(ms|[smhd])?");

    private Durations() {
    }

    /** Returns the duration {@code text} denotes; throws IllegalArgumentException for anything else. */
    static Duration parse(String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        try {
            if (isInteger(value)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            int last = value.length() - 1;
            char unit = Character.toLowerCase(value.charAt(last));
            String amount = value.substring(0, last);
            if (isInteger(amount)) {
                switch (unit) {
                    case 's':
                        return Duration.ofSeconds(Long.parseLong(amount));
                    case 'm':
                        return Duration.ofMinutes(Long.parseLong(amount));
                    case 'h':
                        return Duration.ofHours(Long.parseLong(amount));
                    case 'd':
                        return Duration.ofDays(Long.parseLong(amount));
                    default:
                        break;
                }
            }
            if (value.length() > 2 && unit == 's' && Character.toLowerCase(value.charAt(last - 1)) == 'm'
                    && isInteger(value.substring(0, last - 1))) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, last - 1)));
            }
            if (isDecimal(amount) && (unit == 'h' || unit == 'm' || unit == 's')) {
                return Duration.parse("PT" + value);
            }
            if (isDecimal(amount) && unit == 'd') {
                return Duration.parse("P" + value);
            }
            if (startsLikeDigits(value)) {
                return Duration.parse("PT" + value);
            }
            return Duration.parse(value);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            if (WHOLE_AMOUNT.matcher(value).matches()) {
                throw new IllegalArgumentException("too long: '" + text + "'; use at most 106751d");
            }
            throw new IllegalArgumentException("not a duration (try 10s, 500ms, 2m, 1h, 1d or PT10S): '" + text + "'");
        }
    }

    private static boolean isInteger(String s) {
        int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (start == s.length()) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDecimal(String s) {
        int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (start == s.length()) {
            return false;
        }
        boolean point = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && !point) {
                point = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsLikeDigits(String s) {
        char c = s.charAt(0);
        if (c >= '0' && c <= '9') {
            return true;
        }
        return (c == '-' || c == '+') && s.length() > 1 && s.charAt(1) != 'P' && s.charAt(1) != 'p';
    }
}
