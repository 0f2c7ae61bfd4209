package io.smartlb.sim;

import java.util.Objects;

/**
 * The outcome of replaying one trace against one strategy.
 *
 * @param trace the trace's name
 * @param strategy the strategy's configuration name
 * @param workers how many workers ran the trace
 * @param jobs how many jobs ran
 * @param switches model loads over all workers, the first load of an empty worker included
 * @param makespanMs last finish minus first arrival
 * @param waitMs start minus arrival, per job
 * @param latencyMs finish minus arrival, per job
 * @param bounds what no schedule beats on this trace and worker count
 */
public record SimulationReport(String trace, String strategy, int workers, int jobs, long switches,
                               long makespanMs, Summary waitMs, Summary latencyMs, LowerBounds bounds) {

    public SimulationReport {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(waitMs, "waitMs");
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(bounds, "bounds");
        if (workers < 1 || jobs < 1 || switches < 0 || makespanMs < 0) {
            throw new IllegalArgumentException("need workers >= 1, jobs >= 1, switches >= 0, makespan >= 0: "
                    + workers + ", " + jobs + ", " + switches + ", " + makespanMs);
        }
    }
}
