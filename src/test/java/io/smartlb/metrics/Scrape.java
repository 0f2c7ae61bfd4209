package io.smartlb.metrics;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One read of {@code /q/metrics}, parsed from the Prometheus text format. */
final class Scrape {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;
    private final List<Sample> samples;

    private Scrape(String text, List<Sample> samples) {
        this.text = text;
        this.samples = samples;
    }

    /** Returns the metrics as they are now. */
    static Scrape now() {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return parse(text);
    }

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(Sample.parse(line));
            }
        }
        return new Scrape(text, samples);
    }

    /** Returns the sum of the samples named {@code name} that carry every label in {@code labels} ("k=v"). */
    double sum(String name, String... labels) {
        return matching(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** Returns the samples named {@code name} that carry every label in {@code labels} ("k=v"). */
    List<Sample> matching(String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (String label : labels) {
            String[] kv = label.split("=", 2);
            wanted.put(kv[0], kv[1]);
        }
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet()))
                .toList();
    }

    /** Returns the lines, comments included, whose metric name starts with {@code prefix}. */
    List<String> lines(String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    /** One sample line: name, labels, value. */
    record Sample(String name, Map<String, String> labels, double value) {

        static Sample parse(String line) {
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space).trim();
            double value = number(line.substring(space + 1).trim());
            int brace = series.indexOf('{');
            if (brace < 0) {
                return new Sample(series, Map.of(), value);
            }
            Map<String, String> labels = new HashMap<>();
            Matcher m = LABEL.matcher(series.substring(brace));
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
            return new Sample(series.substring(0, brace), labels, value);
        }

        private static double number(String text) {
            return switch (text) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text);
            };
        }
    }
}
