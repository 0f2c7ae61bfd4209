package io.smartlb.core;

/**
 * A read-only view of the waiting jobs, indexed by model. Within a model, jobs are ordered by
 * effective submit time, ties by id; the model's first job is its <em>head</em>. Models are
 * indexed apart by whether a worker holds them, so that a strategy finds the oldest model no
 * worker holds, or the few models workers hold, without walking past the others.
 */
public interface Waiting {

    /** Returns the number of waiting jobs. */
    int size();

    /** Returns the number of models that have waiting jobs. */
    int modelCount();

    /** Returns the number of models with waiting jobs that no worker holds. O(1). */
    int unheldModelCount();

    /** Returns the head job of {@code model}, or null when none of its jobs waits. O(1). */
    Job<?> head(String model);

    /** Returns how many jobs of {@code model} wait. O(1). */
    int count(String model);

    /** Returns how many workers hold {@code model}, in any state, whether or not its jobs wait. O(1). */
    int holders(String model);

    /** Returns the head that sorts first over all models, or null when nothing waits. O(1). */
    Job<?> oldestHead();

    /** Returns the head that sorts first over the models no worker holds, or null. O(1). */
    Job<?> oldestUnheldHead();

    /** Returns the model of {@link #oldestUnheldHead()}, or null. O(1). */
    WaitingModel oldestUnheldModel();

    /** Returns the models with waiting jobs, oldest head first. Walking the first k costs O(k + log M). */
    Iterable<WaitingModel> modelsByAge();

    /**
     * Returns the models with waiting jobs that no worker holds, oldest head first. Walking the
     * first k costs O(k + log M).
     */
    Iterable<WaitingModel> unheldModelsByAge();

    /**
     * Returns the models with waiting jobs that a worker holds (at most one per worker), oldest
     * head first. Walking the first k costs O(k + log W) with W workers.
     */
    Iterable<WaitingModel> heldModelsByAge();
}
