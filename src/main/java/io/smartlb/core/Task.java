package io.smartlb.core;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What a worker is asked to run: the job's model and data, and whether the worker must load the
 * model first. Work that loads a model calls {@link #markLoaded()} when the load is done, so that
 * load time and job time can be told apart; work that cannot tell (a remote server that loads on
 * demand) does not call it.
 *
 * @param <D> the job data type
 */
public final class Task<D> {

    private final int worker;
    private final long jobId;
    private final String model;
    private final boolean load;
    private final D data;
    private final LongSupplier clock;
    private final long startedNanos;
    private volatile long loadedNanos = -1;

    /** Creates a task started now on {@code clock}. */
    public Task(int worker, long jobId, String model, boolean load, D data, LongSupplier clock) {
        this.worker = worker;
        this.jobId = jobId;
        this.model = Objects.requireNonNull(model, "model");
        this.load = load;
        this.data = data;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startedNanos = clock.getAsLong();
    }

    /** Returns the worker's id. */
    public int worker() {
        return worker;
    }

    /** Returns the job's id. */
    public long jobId() {
        return jobId;
    }

    /** Returns the model the job needs. */
    public String model() {
        return model;
    }

    /** Returns true when the worker does not hold the model yet and must load it first. */
    public boolean load() {
        return load;
    }

    /** Returns the job's data, as submitted (may be null). */
    public D data() {
        return data;
    }

    /** Records that the model is now loaded; called by work that loads models itself. */
    public void markLoaded() {
        if (load && loadedNanos < 0) {
            loadedNanos = clock.getAsLong();
        }
    }

    /** Returns how long the load took, or -1 when the work did not say. */
    public long loadNanos() {
        long loaded = loadedNanos;
        return loaded < 0 ? -1 : loaded - startedNanos;
    }

    @Override
    public String toString() {
        return "Task[worker=" + worker + ", job=" + jobId + ", model=" + model + ", load=" + load + "]";
    }
}
