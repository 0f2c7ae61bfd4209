import io.smartlb.core.strategy.StrategyCatalog;
import io.smartlb.sim.SimulationReport;
import io.smartlb.sim.Simulator;
import io.smartlb.sim.Trace;
import io.smartlb.sim.TraceReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares the adaptive strategy (default settings) with the best-tuned seed strategy: affinity at
 * each switch penalty in {10, 30, 60, 120, 300} s, best value per figure. Prints one row per trace
 * and whether adaptive meets issue 5's targets: mean and p99 wait at or below the best-tuned seed's,
 * makespan at most max(1.10 x bound, best-tuned seed's). Then the geometric mean of adaptive's figures
 * over the seed's best, and on how many traces the seed itself, at any single penalty, misses those
 * per-figure bests (they may come from different penalties).
 *
 *   ./mvnw -B package -DskipTests
 *   java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' bench/CompareStrategies.java \
 *        ../shared/traces/poisson-zipf.csv:4 bench/out/variant-1.csv:6 ...
 */
public final class CompareStrategies {

    private static final int[] PENALTIES_S = {10, 30, 60, 120, 300};

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%-34s %3s | %16s | %24s | %31s | %s%n", "trace", "w",
                "bound loads/mksp", "best seed mean/p99/mksp", "adaptive loads/mean/p99/mksp", "verdict");
        int failures = 0;
        int seedAloneFails = 0;
        double logMean = 0;
        double logP99 = 0;
        double logMakespan = 0;
        double worst = 0;
        for (String arg : args) {
            int colon = arg.lastIndexOf(':');
            Path file = Path.of(arg.substring(0, colon));
            int workers = Integer.parseInt(arg.substring(colon + 1));
            Trace trace = TraceReader.read(file);
            Simulator simulator = new Simulator(trace, workers);
            List<SimulationReport> seeds = new ArrayList<>();
            double bestMean = Double.MAX_VALUE;
            long bestP99 = Long.MAX_VALUE;
            long bestMakespan = Long.MAX_VALUE;
            for (int penalty : PENALTIES_S) {
                Duration p = Duration.ofSeconds(penalty);
                SimulationReport r = simulator.run("affinity", StrategyCatalog.create("affinity",
                        (strategy, key, def) -> key.equals("switch-penalty") ? p : def));
                seeds.add(r);
                bestMean = Math.min(bestMean, r.waitMs().mean());
                bestP99 = Math.min(bestP99, r.waitMs().p99());
                bestMakespan = Math.min(bestMakespan, r.makespanMs());
            }
            SimulationReport a = simulator.run("adaptive",
                    StrategyCatalog.create("adaptive", StrategyCatalog.Settings.defaults()));
            long makespanLimit = Math.max((long) Math.floor(1.10 * simulator.bounds().makespanMs()), bestMakespan);
            String misses = misses(a, bestMean, bestP99, makespanLimit);
            failures += misses.isEmpty() ? 0 : 1;
            final double mean = bestMean;
            final long p99 = bestP99;
            seedAloneFails += seeds.stream().anyMatch(r -> misses(r, mean, p99, makespanLimit).isEmpty()) ? 0 : 1;
            logMean += Math.log(a.waitMs().mean() / bestMean);
            logP99 += Math.log((double) a.waitMs().p99() / bestP99);
            logMakespan += Math.log((double) a.makespanMs() / bestMakespan);
            worst = Math.max(worst, Math.max(a.waitMs().mean() / bestMean, (double) a.waitMs().p99() / bestP99));
            System.out.printf(Locale.ROOT, "%-34s %3d | %6d %9d | %8.0f %7d %8d | %6d %8.0f %7d %8d | %s%n",
                    file.getFileName(), workers, simulator.bounds().switches(), simulator.bounds().makespanMs(),
                    bestMean, bestP99, bestMakespan, a.switches(), a.waitMs().mean(), a.waitMs().p99(), a.makespanMs(),
                    misses.isEmpty() ? "meets" : "MISSES" + misses);
        }
        int n = args.length;
        System.out.printf(Locale.ROOT, "adaptive / best seed, geometric mean over %d traces: mean wait %.3f, p99 %.3f, "
                + "makespan %.3f; worst mean or p99 ratio %.4f%n", n, Math.exp(logMean / n), Math.exp(logP99 / n),
                Math.exp(logMakespan / n), worst);
        System.out.printf(Locale.ROOT, "the seed itself, at any one penalty, misses its per-figure best on %d trace(s)%n",
                seedAloneFails);
        System.out.println(failures == 0 ? "adaptive meets the targets on every trace"
                : "adaptive misses the targets on " + failures + " trace(s)");
    }

    private static String misses(SimulationReport a, double bestMean, long bestP99, long makespanLimit) {
        StringBuilder why = new StringBuilder();
        if (a.waitMs().mean() > bestMean) {
            why.append(" mean");
        }
        if (a.waitMs().p99() > bestP99) {
            why.append(" p99");
        }
        if (a.makespanMs() > makespanLimit) {
            why.append(" makespan");
        }
        return why.toString();
    }
}
