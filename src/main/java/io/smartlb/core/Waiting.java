package io.smartlb.core;

/**
 * A read-only view of the waiting jobs, indexed by model. Within a model, jobs are ordered by
 * effective submit time, ties by id; the model's first job is its <em>head</em>.
 */
public interface Waiting {

    /** Returns the number of waiting jobs. */
    int size();

    /** Returns the number of models that have waiting jobs. */
    int modelCount();

    /** Returns the head job of {@code model}, or null when none of its jobs waits. O(1). */
    Job<?> head(String model);

    /** Returns how many jobs of {@code model} wait. O(1). */
    int count(String model);

    /** Returns the head that sorts first over all models, or null when nothing waits. O(1). */
    Job<?> oldestHead();

    /**
     * Returns the model heads in effective-time order, oldest first. Walking the first k heads
     * costs O(k + log M).
     */
    Iterable<Job<?>> headsByAge();
}
