package io.smartlb.core;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs one job on one worker. Called from that worker's own loop, never under the dispatcher's
 * lock; it may block (load a model, call a server). Throw {@link ModelLoadException} when loading
 * the model failed (the worker then holds no model); any other exception fails only the job.
 *
 * @param <D> the job data type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Work<D, R> {

    /** Returns the job's result. */
    R run(Task<D> task) throws Exception;

    /**
     * Returns work that calls {@code function} with the model, the job's data and the worker's own
     * state, created by {@code initialState} for each worker on its first job and kept between
     * jobs (the seed's {@code work_func(model_name, data, workers_data)}).
     */
    static <D, R, S> Work<D, R> withWorkerState(Supplier<S> initialState, ModelFunction<D, R, S> function) {
        Objects.requireNonNull(initialState, "initialState");
        Objects.requireNonNull(function, "function");
        ConcurrentHashMap<Integer, S> states = new ConcurrentHashMap<>();
        return task -> function.apply(task.model(), task.data(),
                states.computeIfAbsent(task.worker(), worker -> initialState.get()));
    }

    /**
     * The seed's job form: a function of the model, the job's data and the worker's state.
     *
     * @param <D> the job data type
     * @param <R> the result type
     * @param <S> the worker state type
     */
    @FunctionalInterface
    interface ModelFunction<D, R, S> {
        /** Returns the job's result; may change {@code workerState}, which the worker keeps. */
        R apply(String model, D data, S workerState) throws Exception;
    }
}
