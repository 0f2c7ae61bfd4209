package io.smartlb.sim;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the reports of one trace as an aligned table for people, once all are in: a line about
 * the trace, its lower bounds, then one row per strategy. Times are in seconds with ms precision
 * and thousands separators.
 */
final class TableReportWriter implements ReportWriter {

    private static final String[] HEADER =
            {"strategy", "loads", "wait mean", "wait p50", "wait p99", "wait max", "makespan"};

    private final PrintStream out;
    private final List<SimulationReport> reports = new ArrayList<>();

    TableReportWriter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(SimulationReport report) {
        reports.add(report);
    }

    @Override
    public void finish() {
        if (reports.isEmpty()) {
            return;
        }
        SimulationReport first = reports.get(0);
        out.printf(Locale.ROOT, "%s: %s, %s, %s; times in seconds%n", first.trace(), count(first.jobs(), "job"),
                count(first.bounds().switches(), "model"), count(first.workers(), "worker"));
        out.printf(Locale.ROOT, "lower bounds: loads >= %,d, makespan >= %s%n",
                first.bounds().switches(), seconds(first.bounds().makespanMs()));
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (SimulationReport r : reports) {
            rows.add(new String[] {r.strategy(), String.format(Locale.ROOT, "%,d", r.switches()),
                seconds(r.waitMs().mean()), seconds(r.waitMs().p50()), seconds(r.waitMs().p99()),
                seconds(r.waitMs().max()), seconds(r.makespanMs())});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String pad = " ".repeat(widths[c] - row[c].length());
                // names read left to right, numbers line up on their last digit
                line.append(c == 0 ? row[c] + pad : "  " + pad + row[c]);
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static String seconds(double ms) {
        return String.format(Locale.ROOT, "%,.3f", ms / 1000);
    }
}
