package io.smartlb.core;

import java.util.Objects;

/**
 * What one job cost its worker, as reported when it ends; strategies that learn costs read it.
 *
 * @param model the job's model
 * @param loaded whether the worker loaded the model for this job
 * @param loadNanos the load's share of {@code totalNanos}, or -1 when loaded but not measured apart
 *     (a remote server that loads on demand); 0 when not loaded
 * @param totalNanos the job's whole time on the worker, load included
 */
public record JobCost(String model, boolean loaded, long loadNanos, long totalNanos) {

    public JobCost {
        Objects.requireNonNull(model, "model");
        if (totalNanos < 0) {
            throw new IllegalArgumentException("totalNanos must be >= 0: " + totalNanos);
        }
        if (loadNanos > totalNanos) {
            throw new IllegalArgumentException("loadNanos " + loadNanos + " exceeds totalNanos " + totalNanos);
        }
    }

    /** Returns the time spent on the job itself, or -1 when the load was not measured apart. */
    public long processNanos() {
        if (!loaded) {
            return totalNanos;
        }
        return loadNanos < 0 ? -1 : totalNanos - loadNanos;
    }
}
