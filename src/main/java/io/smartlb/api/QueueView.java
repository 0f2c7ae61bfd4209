package io.smartlb.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The waiting jobs, per model.
 *
 * @param size jobs waiting
 * @param capacity jobs that may wait before 429
 * @param models one entry per model with waiting jobs, longest-waiting head first
 */
@RegisterForReflection
public record QueueView(int size, int capacity, List<ModelQueue> models) {

    /**
     * One model's waiting jobs.
     *
     * @param model the model
     * @param waiting how many of its jobs wait
     * @param oldestWaitMs how long its longest-waiting job has waited
     */
    @RegisterForReflection
    public record ModelQueue(String model, int waiting, long oldestWaitMs) {
    }
}
