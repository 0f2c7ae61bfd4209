package io.smartlb.sim;

import io.smartlb.core.strategy.StrategyCatalog;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The parsed command line of {@code simulate}.
 *
 * @param trace the trace file
 * @param strategy a strategy name, or {@code all}
 * @param workers how many workers, at least 1
 * @param settings strategy settings by full key ({@code balancer.strategies.affinity.switch-penalty})
 * @param format how to print
 * @param help whether to print the usage instead of simulating
 */
record SimulateOptions(Path trace, String strategy, int workers, Map<String, Duration> settings,
                       OutputFormat format, boolean help) {

    static final String ALL = "all";
    /** Enough for any real pool; keeps a typo like 40000000 from allocating gigabytes. */
    static final int MAX_WORKERS = 100_000;
    private static final Set<String> OPTIONS = Set.of("--trace", "--strategy", "--workers", "--set", "--format");

    SimulateOptions {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(format, "format");
        settings = Map.copyOf(settings);
        if (!help && trace == null) {
            throw new IllegalArgumentException("trace is required");
        }
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be in 1.." + MAX_WORKERS + ": " + workers);
        }
    }

    /** Returns the options {@code args} give; later options override earlier ones. */
    static SimulateOptions parse(String[] args) throws UsageException {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return new SimulateOptions(null, ALL, 1, Map.of(), OutputFormat.TABLE, true);
            }
        }
        Path trace = null;
        String strategy = ALL;
        int workers = 1;
        OutputFormat format = OutputFormat.TABLE;
        Map<String, Duration> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'; see simulate --help");
            }
            int eq = arg.indexOf('=');
            String option = eq < 0 ? arg : arg.substring(0, eq);
            if (!OPTIONS.contains(option)) {
                throw new UsageException("unknown option '" + option + "'; see simulate --help");
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException(option + " needs a value; see simulate --help");
            }
            switch (option) {
                case "--trace" -> trace = path(value);
                case "--strategy" -> strategy = strategy(value);
                case "--workers" -> workers = workers(option, value);
                case "--format" -> format = format(value);
                default -> {
                    int split = value.indexOf('=');
                    if (split < 0) {
                        throw new UsageException("--set needs KEY=VALUE: '" + value + "'");
                    }
                    String key = value.substring(0, split).trim();
                    String setting = value.substring(split + 1).trim();
                    switch (key) {
                        case "balancer.strategy" -> strategy = strategy(setting);
                        case "balancer.workers" -> workers = workers(key, setting);
                        default -> settings.put(key, strategySetting(key, setting));
                    }
                }
            }
        }
        if (trace == null) {
            throw new UsageException("--trace FILE is required; see simulate --help");
        }
        return new SimulateOptions(trace, strategy, workers, settings, format, false);
    }

    private static Path path(String value) throws UsageException {
        if (value.isEmpty()) {
            throw new UsageException("--trace needs a file name");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("--trace is not a valid path: '" + value + "'");
        }
    }

    private static String strategy(String value) throws UsageException {
        if (!value.equals(ALL) && !StrategyCatalog.names().contains(value)) {
            throw new UsageException("strategy '" + value + "' not found; known: "
                    + String.join(", ", StrategyCatalog.names()) + ", or " + ALL);
        }
        return value;
    }

    private static int workers(String name, String value) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_WORKERS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new UsageException(name + " must be a whole number from 1 to " + MAX_WORKERS + ": '" + value + "'");
    }

    private static OutputFormat format(String value) throws UsageException {
        OutputFormat format = OutputFormat.byName(value);
        if (format == null) {
            throw new UsageException("--format must be table or json: '" + value + "'");
        }
        return format;
    }

    private static Duration strategySetting(String key, String value) throws UsageException {
        Set<String> known = StrategySettings.knownKeys();
        if (!known.contains(key)) {
            throw new UsageException("unknown setting '" + key + "'; simulate takes balancer.strategy, "
                    + "balancer.workers, " + String.join(", ", known));
        }
        Duration duration;
        try {
            duration = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(key + ": " + e.getMessage());
        }
        if (duration.isNegative()) {
            throw new UsageException(key + " must not be negative: '" + value + "'");
        }
        return duration;
    }
}
