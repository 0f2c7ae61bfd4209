package io.smartlb.sim;

import io.smartlb.core.Job;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads trace CSV files ({@code arrival_ms,model,load_ms,process_ms,priority}, header first) and
 * checks every row: five columns, non-negative integer times, arrivals in non-decreasing order, a
 * non-empty model without spaces around it or a leading quote, and a finite priority. An error
 * names the file and line, as in {@code burst.csv:17: load_ms is not a non-negative integer: 'x'}.
 *
 * <p>Parses by hand (no split, no regex) so that a million rows read in well under a second.
 */
public final class TraceReader {

    /** The header every trace starts with. */
    public static final String HEADER = "arrival_ms,model,load_ms,process_ms,priority";

    /**
     * Largest time a trace may reach, arrivals plus all job costs, in ms (about 285 years): past it
     * the dispatcher's nanosecond clock, priorities included, would overflow.
     */
    static final long MAX_SPAN_MS = 9_000_000_000_000L;

    private static final int MAX_QUOTED = 60;

    private TraceReader() {
    }

    /** Returns the trace in {@code file}, named by its file name (control characters escaped, see {@link #printable}). */
    public static Trace read(Path file) throws IOException {
        String name = printable(file.getFileName().toString());
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(name, reader);
        } catch (CharacterCodingException e) {
            // the reader decodes ahead of the line it returns: find the line again, byte by byte, in
            // a file that can be read twice (a pipe, /dev/stdin, cannot: its bytes are gone)
            throw new MalformedTraceException(name + (Files.isRegularFile(file) ? ":" + firstLineNotUtf8(file) : "")
                    + ": not UTF-8 text");
        }
    }

    // the number of the first line that does not decode as UTF-8, from 1
    private static long firstLineNotUtf8(Path file) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long number = 1;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int previous = -1;
            for (int b = in.read(); b != -1; previous = b, b = in.read()) {
                if (b == '\n' && previous == '\r') {
                    continue;  // CR LF ends one line, as for the reader
                }
                if (b != '\n' && b != '\r') {
                    line.write(b);
                    continue;
                }
                if (!decodes(utf8, line)) {
                    return number;
                }
                line.reset();
                number++;
            }
        }
        return number;  // the last line, which has no line end
    }

    private static boolean decodes(CharsetDecoder utf8, ByteArrayOutputStream line) {
        try {
            utf8.reset().decode(ByteBuffer.wrap(line.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Returns the trace read from {@code reader}; {@code name} prefixes error messages. */
    public static Trace read(String name, Reader reader) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        String header = lines.readLine();
        if (header == null) {
            throw new MalformedTraceException(name + ": empty file; expected the header '" + HEADER + "'");
        }
        if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
            header = header.substring(1); // editors on Windows write a byte order mark
        }
        if (!header.equals(HEADER)) {
            throw new MalformedTraceException(
                    name + ":1: expected the header '" + HEADER + "', found " + quote(header));
        }
        Trace.Builder trace = new Trace.Builder(name);
        RowParser row = new RowParser(name);
        long costs = 0; // every cost so far; the last arrival plus all costs bounds any finish time
        String line;
        int number = 1;
        int blank = 0; // the first of the empty lines read last: allowed only at the end of the file
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                blank = blank == 0 ? number : blank;
                continue;
            }
            if (blank != 0) {
                throw new MalformedTraceException(name + ":" + blank + ": blank line before the last job");
            }
            row.parse(line, number);
            costs += row.load + row.process; // each term is at most MAX_SPAN_MS, so no overflow here
            if (costs > MAX_SPAN_MS - row.arrival) {
                throw new MalformedTraceException(name + ":" + number + ": arrivals plus job costs exceed "
                        + MAX_SPAN_MS + " ms, more than a simulation can represent");
            }
            trace.add(row.arrival, row.model, row.load, row.process, row.priority);
        }
        if (trace.size() == 0) {
            throw new MalformedTraceException(name + ": no jobs after the header");
        }
        return trace.build();
    }

    static String quote(String value) {
        String shown = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value;
        return '\'' + printable(shown) + '\'';
    }

    /**
     * Returns {@code text} with each control character (a NUL, an escape, a newline) written as a
     * backslash, u and its 4 hex digits: an error line must stay one line and not drive the terminal.
     */
    static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.append((char) c);
            }
        });
        return shown.toString();
    }

    /** Parses one row into its fields; reused for every row so that reading allocates little. */
    private static final class RowParser {
        private final String name;
        private final int[] commas = new int[4];
        private long previousArrival;
        long arrival;
        String model;
        long load;
        long process;
        double priority;

        RowParser(String name) {
            this.name = name;
        }

        void parse(String line, int number) throws MalformedTraceException {
            int found = 0;
            for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) {
                if (found == commas.length) {
                    throw error(number, "expected 5 columns, found more: " + quote(line));
                }
                commas[found++] = i;
            }
            if (found < commas.length) {
                throw error(number, "expected 5 columns, found " + (found + 1) + ": " + quote(line));
            }
            arrival = millis(line, 0, commas[0], "arrival_ms", number);
            if (arrival < previousArrival) {
                throw error(number, "arrival_ms goes back in time: " + arrival + " after " + previousArrival);
            }
            previousArrival = arrival;
            model = line.substring(commas[0] + 1, commas[1]);
            if (model.isBlank()) {
                throw error(number, "model is empty or blank");
            }
            if (Character.isWhitespace(model.charAt(0)) || Character.isWhitespace(model.charAt(model.length() - 1))) {
                throw error(number, "model has spaces around it, which would make it another model: " + quote(model));
            }
            if (model.charAt(0) == '"') {
                throw error(number, "model starts with a quote; trace fields are not quoted, so it would be another model: "
                        + quote(model));
            }
            load = millis(line, commas[1] + 1, commas[2], "load_ms", number);
            process = millis(line, commas[2] + 1, commas[3], "process_ms", number);
            priority = priority(line, commas[3] + 1, number);
        }

        private long millis(String line, int from, int to, String column, int number) throws MalformedTraceException {
            if (from == to) {
                throw error(number, column + " is not a non-negative integer: ''");
            }
            long value = 0;
            for (int i = from; i < to; i++) {
                char c = line.charAt(i);
                if (c < '0' || c > '9') {
                    throw error(number, column + " is not a non-negative integer: " + quote(line.substring(from, to)));
                }
                value = value * 10 + (c - '0');
                if (value > MAX_SPAN_MS) {
                    throw error(number, column + " is larger than " + MAX_SPAN_MS + ": " + quote(line.substring(from, to)));
                }
            }
            return value;
        }

        private double priority(String line, int from, int number) throws MalformedTraceException {
            int to = line.length();
            if (to - from == 1 && line.charAt(from) == '0') {
                return 0; // the common case, without a substring
            }
            String text = line.substring(from, to);
            // Double.parseDouble alone would also take "NaN", "0x1p3", "1d" and surrounding blanks
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                    throw error(number, "priority is not a number: " + quote(text));
                }
            }
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw error(number, "priority is not a number: " + quote(text));
            }
            if (!Double.isFinite(value) || Math.abs(value) > Job.MAX_PRIORITY) {
                throw error(number, "priority must be finite and within +-" + (long) Job.MAX_PRIORITY
                        + " seconds: " + quote(text));
            }
            return value;
        }

        private MalformedTraceException error(int number, String message) {
            return new MalformedTraceException(name + ":" + number + ": " + message);
        }
    }
}
