package io.smartlb.core;

import java.util.Objects;

/**
 * A job handed to a worker.
 *
 * @param worker the worker's id
 * @param job the job to run
 * @param load true when the worker must load the job's model first (a switch)
 * @param reason the strategy's reason for the choice
 * @param <P> the job payload type
 */
public record Assignment<P>(int worker, Job<P> job, boolean load, String reason) {

    public Assignment {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(reason, "reason");
    }
}
