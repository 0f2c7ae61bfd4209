package io.smartlb.sim;

import java.util.Arrays;

/**
 * What no schedule of a trace can beat, with workers that start empty (traces/README.md): every
 * model is loaded at least once, and the makespan is at least the arrival span plus the shortest
 * job, the longest single load plus job, and all work spread evenly over the workers.
 *
 * @param switches the number of distinct models
 * @param makespanMs the makespan bound, whole ms rounded up
 */
public record LowerBounds(long switches, long makespanMs) {

    public LowerBounds {
        if (switches < 0 || makespanMs < 0) {
            throw new IllegalArgumentException("bounds must be >= 0: " + switches + ", " + makespanMs);
        }
    }

    /** Returns the bounds of {@code trace} on {@code workers} workers. O(jobs). */
    public static LowerBounds of(Trace trace, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1: " + workers);
        }
        int n = trace.size();
        int models = trace.models().size();
        // a model's load_ms is the same on every row in practice; the smallest keeps the bound safe if not
        long[] load = new long[models];
        Arrays.fill(load, Long.MAX_VALUE);
        long shortestJob = Long.MAX_VALUE;
        long work = 0;
        for (int i = 0; i < n; i++) {
            int m = trace.modelIndex(i);
            load[m] = Math.min(load[m], trace.loadMs(i));
            shortestJob = Math.min(shortestJob, trace.processMs(i));
            work += trace.processMs(i);
        }
        long longestSingle = 0;
        for (int i = 0; i < n; i++) {
            longestSingle = Math.max(longestSingle, load[trace.modelIndex(i)] + trace.processMs(i));
        }
        for (long l : load) {
            work += l;
        }
        long arrivals = trace.arrivalMs(n - 1) - trace.arrivalMs(0) + shortestJob;
        long spread = (work + workers - 1) / workers;
        return new LowerBounds(models, Math.max(arrivals, Math.max(longestSingle, spread)));
    }
}
