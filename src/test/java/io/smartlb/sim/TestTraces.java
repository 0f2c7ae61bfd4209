package io.smartlb.sim;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds traces for tests: inline CSV rows, or the shared traces. */
final class TestTraces {

    private TestTraces() {
    }

    /** Returns a trace named {@code inline.csv} of {@code rows} (CSV lines without the header). */
    static Trace inline(String... rows) {
        try {
            return TraceReader.read("inline.csv", new StringReader(csv(rows)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the header and {@code rows} as one CSV text. */
    static String csv(String... rows) {
        return TraceReader.HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    /** Returns the shared trace called {@code name}, from the directory surefire names. */
    static Path shared(String name) {
        Path dir = Path.of(System.getProperty("smartlb.traces", "../shared/traces"));
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("shared trace missing: " + file.toAbsolutePath()
                    + " (set -Dsmartlb.traces to the traces directory)");
        }
        return file;
    }
}
