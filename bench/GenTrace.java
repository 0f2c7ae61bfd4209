import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes a synthetic smartlb trace (CSV {@code arrival_ms,model,load_ms,process_ms,priority}) to
 * standard output: Poisson arrivals, Zipf model popularity, fixed load and job costs, and an
 * optional share of jobs with a head start. The same arguments always give the same file: it uses
 * {@link java.util.Random}, whose sequence the JDK specifies.
 *
 * <pre>java bench/GenTrace.java --jobs 1000000 --models 10 --seed 1 --rate 2000 \
 *     --load-ms 200 --process-ms 5 --zipf 0.8 &gt; /tmp/x.csv</pre>
 */
public final class GenTrace {

    private static final String USAGE = """
            Usage: java bench/GenTrace.java [options] > trace.csv
              --jobs N            jobs to write (default 10000)
              --models M          distinct models, named model-1..model-M zero-padded (default 10)
              --seed S            random seed; same seed, same trace (default 1)
              --rate R            mean arrivals per second, Poisson; 0 puts every job at t=0 (default 100)
              --load-ms L         load_ms of every model (default 5000)
              --process-ms P      process_ms of every job (default 10)
              --zipf X            popularity exponent: model k is drawn with weight 1/k^X; 0 = uniform (default 0)
              --priority-share F  share of jobs, 0..1, given a head start (default 0)
              --priority-s S      that head start, in seconds (default 10)
            """;

    private GenTrace() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("GenTrace: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.containsKey("--help")) {
            System.out.print(USAGE);
            return;
        }
        try {
            int jobs = (int) number(options, "--jobs", 10_000, 1, Integer.MAX_VALUE - 8);
            int models = (int) number(options, "--models", 10, 1, 10_000_000);
            long seed = seed(options.getOrDefault("--seed", "1"));
            double rate = number(options, "--rate", 100, 0, 1e9);
            long loadMs = (long) number(options, "--load-ms", 5000, 0, 1e12);
            long processMs = (long) number(options, "--process-ms", 10, 0, 1e12);
            double zipf = number(options, "--zipf", 0, 0, 100);
            double priorityShare = number(options, "--priority-share", 0, 0, 1);
            double prioritySeconds = number(options, "--priority-s", 10, -1e6, 1e6);
            write(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16),
                    jobs, models, new Random(seed), rate, loadMs, processMs, zipf, priorityShare, prioritySeconds);
        } catch (IllegalArgumentException e) {
            System.err.println("GenTrace: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void write(Writer out, int jobs, int models, Random random, double rate, long loadMs,
                              long processMs, double zipf, double priorityShare, double prioritySeconds)
            throws IOException {
        double[] cumulative = zipfCumulative(models, zipf);
        String[] names = names(models);
        String costs = "," + loadMs + "," + processMs + ",";
        String headStart = prioritySeconds == Math.rint(prioritySeconds)
                ? Long.toString((long) prioritySeconds) : Double.toString(prioritySeconds);
        out.write("arrival_ms,model,load_ms,process_ms,priority\n");
        double clockMs = 0;
        StringBuilder line = new StringBuilder(64);
        for (int i = 0; i < jobs; i++) {
            if (rate > 0) {
                // exponential gaps make a Poisson process; 1 - u keeps the log finite
                clockMs += -Math.log(1 - random.nextDouble()) * 1000 / rate;
            }
            int model = pick(cumulative, random.nextDouble());
            boolean priority = priorityShare > 0 && random.nextDouble() < priorityShare;
            line.setLength(0);
            line.append((long) clockMs).append(',').append(names[model]).append(costs)
                    .append(priority ? headStart : "0").append('\n');
            out.append(line);
        }
        out.flush();
    }

    /** Returns the running sums of the weights 1/k^zipf, normalized to end at 1. */
    private static double[] zipfCumulative(int models, double zipf) {
        double[] cumulative = new double[models];
        double sum = 0;
        for (int k = 1; k <= models; k++) {
            sum += 1 / Math.pow(k, zipf);
            cumulative[k - 1] = sum;
        }
        for (int k = 0; k < models; k++) {
            cumulative[k] /= sum;
        }
        cumulative[models - 1] = 1; // no rounding gap at the top
        return cumulative;
    }

    private static int pick(double[] cumulative, double u) {
        int i = Arrays.binarySearch(cumulative, u);
        return i >= 0 ? i : Math.min(-i - 1, cumulative.length - 1);
    }

    private static String[] names(int models) {
        int width = Integer.toString(models).length();
        String[] names = new String[models];
        for (int k = 0; k < models; k++) {
            names[k] = String.format(Locale.ROOT, "model-%0" + width + "d", k + 1);
        }
        return names;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                options.put("--help", "");
                continue;
            }
            if (!USAGE.contains(arg + " ") || !arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option '" + arg + "'; see --help");
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            options.put(arg, args[++i]);
        }
        return options;
    }

    private static long seed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed is not a whole number: '" + text + "'");
        }
    }

    private static double number(Map<String, String> options, String name, double byDefault, double min, double max) {
        String text = options.get(name);
        if (text == null) {
            return byDefault;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: '" + text + "'");
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ": " + text);
        }
        return value;
    }
}
