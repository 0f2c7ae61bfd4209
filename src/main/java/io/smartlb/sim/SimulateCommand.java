package io.smartlb.sim;

import io.smartlb.core.Strategy;
import io.smartlb.core.strategy.StrategyCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code simulate} command: replays a trace against one or every registered strategy and
 * prints a report per strategy. Exit codes: 0 done, 2 bad arguments or input (one line on err),
 * 1 out of memory or an unwritable output (one line each) or an internal failure.
 */
public final class SimulateCommand {

    /** Runs the command with {@code args} (without the word {@code simulate}); returns the exit code. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            SimulateOptions options = SimulateOptions.parse(args);
            if (options.help()) {
                out.print(usage());
            } else {
                simulate(options, out);
            }
            return written(out, err);
        } catch (UsageException e) {
            err.println("simulate: " + e.getMessage());
            err.flush();
            return 2;
        } catch (OutOfMemoryError e) {
            // the trace is held in memory whole: a large one needs a larger heap, not a stack trace
            long maxMb = Runtime.getRuntime().maxMemory() >> 20;
            err.println("simulate: out of memory: the trace needs more than this " + maxMb + " MB heap; run java"
                    + " with a larger -Xmx, e.g. java -Xmx" + 2 * maxMb + "m -jar target/quarkus-app/quarkus-run.jar"
                    + " simulate ...");
            err.flush();
            return 1;
        } catch (RuntimeException e) {
            // a bug, not bad input: keep the trace for whoever fixes it
            err.println("simulate: internal error: " + e);
            e.printStackTrace(err);
            err.flush();
            return 1;
        }
    }

    // a PrintStream keeps write errors to itself: a full disk or a closed pipe is not success
    private static int written(PrintStream out, PrintStream err) {
        out.flush();
        if (out.checkError()) {
            err.println("simulate: could not write the report to standard output");
            err.flush();
            return 1;
        }
        return 0;
    }

    private static void simulate(SimulateOptions options, PrintStream out) throws UsageException {
        List<String> names = options.strategy().equals(SimulateOptions.ALL)
                ? StrategyCatalog.names() : List.of(options.strategy());
        StrategySettings settings = new StrategySettings(options.settings());
        // create every strategy before the (maybe long) trace read, so a bad setting fails fast; as
        // in the service, a bad setting of a strategy that does not run fails too
        List<Strategy> strategies = new ArrayList<>();
        for (String name : StrategyCatalog.names()) {
            try {
                Strategy strategy = StrategyCatalog.create(name, settings);
                if (names.contains(name)) {
                    strategies.add(strategy);
                }
            } catch (IllegalArgumentException e) {
                // the strategy names its own key: give it the prefix --set uses
                throw new UsageException("balancer.strategies." + name + "." + e.getMessage());
            }
        }
        Simulator simulator = new Simulator(read(options.trace()), options.workers());
        ReportWriter writer = options.format().writer(out);
        for (int i = 0; i < names.size() && !out.checkError(); i++) {  // a closed pipe: run nothing more
            writer.write(simulator.run(names.get(i), strategies.get(i)));
        }
        writer.finish();
    }

    private static Trace read(Path path) throws UsageException {
        String file = TraceReader.printable(path.toString());
        try {
            return TraceReader.read(path);
        } catch (MalformedTraceException e) {
            throw new UsageException(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read trace '" + file + "': no such file");
        } catch (AccessDeniedException e) {
            throw new UsageException("cannot read trace '" + file + "': permission denied");
        } catch (CharacterCodingException e) {
            throw new UsageException("cannot read trace '" + file + "': not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("cannot read trace '" + file + "': " + TraceReader.printable(String.valueOf(e.getMessage())));
        }
    }

    /** Returns the help text. */
    static String usage() {
        String keys = String.join("\n" + " ".repeat(23), StrategySettings.knownKeys());
        return """
                Usage: simulate --trace FILE [--strategy NAME|all] [--workers N]
                                [--set KEY=VALUE]... [--format table|json]

                Replays a trace in virtual time against the balancer's strategies (the same
                classes the service runs) and prints, per strategy, model loads, waits and
                makespan, with the trace's lower bounds.

                  --trace FILE       CSV with header arrival_ms,model,load_ms,process_ms,priority
                  --strategy NAME    %s, or all (default: all)
                  --workers N        workers, all starting with no model (default: 1)
                  --set KEY=VALUE    a setting as in application.properties; repeatable. Keys:
                                       balancer.strategy, balancer.workers (as the flags above),
                                       %s
                                     durations as Quarkus reads them: 10s, 500ms, 2m, 1h, 1d, PT10S
                  --format FORMAT    table (default) or json (one object per strategy per line)
                  --help             print this help

                Exit codes: 0 done, 2 bad arguments or trace (one line on stderr), 1 out of memory,
                output that could not be written, or internal error.
                """.formatted(String.join(", ", StrategyCatalog.names()), keys);
    }
}
