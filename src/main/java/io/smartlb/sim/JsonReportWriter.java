package io.smartlb.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prints each report at once as one JSON line, keys in the order of design.md section 4, plus
 * {@code bounds}. Means are rounded to the microsecond; the other figures are whole ms.
 */
final class JsonReportWriter implements ReportWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final PrintStream out;

    JsonReportWriter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(SimulationReport report) {
        out.println(toJson(report));
        out.flush(); // a long "all" run shows each strategy as it ends
    }

    @Override
    public void finish() {
    }

    /** Returns {@code report} as one line of JSON. */
    static String toJson(SimulationReport report) {
        StringWriter text = new StringWriter(320);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("trace", report.trace());
            json.writeStringField("strategy", report.strategy());
            json.writeNumberField("workers", report.workers());
            json.writeNumberField("jobs", report.jobs());
            json.writeNumberField("switches", report.switches());
            json.writeNumberField("makespan_ms", report.makespanMs());
            summary(json, "wait_ms", report.waitMs());
            summary(json, "latency_ms", report.latencyMs());
            json.writeObjectFieldStart("bounds");
            json.writeNumberField("switches", report.bounds().switches());
            json.writeNumberField("makespan_ms", report.bounds().makespanMs());
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void summary(JsonGenerator json, String name, Summary summary) throws IOException {
        json.writeObjectFieldStart(name);
        // to the ms's thousandth, never in exponent form (a 5-million-job burst has means past 10^7 ms)
        json.writeFieldName("mean");
        json.writeNumber(BigDecimal.valueOf(summary.mean()).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
        json.writeNumberField("p50", summary.p50());
        json.writeNumberField("p99", summary.p99());
        json.writeNumberField("max", summary.max());
        json.writeEndObject();
    }
}
