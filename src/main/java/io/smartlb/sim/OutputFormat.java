package io.smartlb.sim;

import java.io.PrintStream;
import java.util.Locale;

/** How {@code simulate} prints its reports. */
enum OutputFormat {
    /** Aligned columns for people. */
    TABLE,
    /** One JSON object per strategy, one line each, for scripts. */
    JSON;

    /** Returns the format called {@code name}, or null. */
    static OutputFormat byName(String name) {
        for (OutputFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** Returns a writer of this format onto {@code out}. */
    ReportWriter writer(PrintStream out) {
        return this == JSON ? new JsonReportWriter(out) : new TableReportWriter(out);
    }
}
