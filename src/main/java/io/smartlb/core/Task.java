package io.smartlb.core;

import java.util.Objects;

/**
 * What a worker is asked to run.
 *
 * @param worker the worker's id
 * @param jobId the job's id
 * @param model the model the job needs
 * @param load true when the worker does not hold the model yet and must load it first
 * @param data the job's data, as submitted (may be null)
 * @param <D> the job data type
 */
public record Task<D>(int worker, long jobId, String model, boolean load, D data) {

    public Task {
        Objects.requireNonNull(model, "model");
    }
}
