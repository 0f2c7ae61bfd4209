package io.smartlb.core;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A job handed to a worker.
 *
 * @param worker the worker's id
 * @param job the job to run
 * @param load true when the worker must load the job's model first (a switch)
 * @param lazyReason the strategy's reason for the choice, built when read
 * @param decidedNanos when the dispatcher handed it out, on its clock: the end of the job's wait
 * @param <P> the job payload type
 */
public record Assignment<P>(int worker, Job<P> job, boolean load, Supplier<String> lazyReason, long decidedNanos) {

    public Assignment {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(lazyReason, "lazyReason");
    }

    /** Returns the strategy's reason for the choice. */
    public String reason() {
        return Decision.read(lazyReason);
    }
}
