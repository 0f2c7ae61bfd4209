package io.smartlb.core;

import java.util.Objects;

/**
 * The result of admitting a job: the job itself, and the assignment the arrival caused, if any.
 *
 * @param job the admitted job
 * @param assignment the work handed to a free worker, or null
 * @param <P> the job payload type
 */
public record Admission<P>(Job<P> job, Assignment<P> assignment) {

    public Admission {
        Objects.requireNonNull(job, "job");
    }
}
