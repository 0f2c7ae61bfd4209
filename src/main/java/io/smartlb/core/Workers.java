package io.smartlb.core;

import java.util.List;

/**
 * A read-only view of all workers, as a strategy sees them. How many workers hold a model is read
 * from {@link Waiting#holders}, which indexes the waiting models by it.
 */
public interface Workers {

    /** Returns the workers, ordered by id. */
    List<WorkerView> all();

    /**
     * Returns the workers that hold {@code model}, in no order. The dispatcher's view finds them in
     * O(holders); this default walks {@link #all}.
     */
    default List<WorkerView> holding(String model) {
        return all().stream().filter(worker -> worker.holds(model)).toList();
    }

    /**
     * Returns how many of the workers that hold {@code model} are idle. The dispatcher's view answers
     * in O(1), but counts the worker that is asking as it was before it asked (busy, if it just
     * ended a job); this default walks {@link #all}, and counts it as its view shows.
     */
    default int idleHolders(String model) {
        return (int) all().stream().filter(worker -> worker.holds(model) && worker.state() == WorkerState.IDLE).count();
    }

    /**
     * Returns a fixed view over {@code workers}, for tests and simulations that build views by
     * hand. Strategies learn which models are held from the {@link Waiting} index, not from this
     * view: a hand-built {@link WaitingJobs} must be told, with {@link WaitingJobs#hold}, the
     * model of every worker here that holds one (the {@link Dispatcher} does that itself).
     */
    static Workers of(List<WorkerView> workers) {
        List<WorkerView> copy = List.copyOf(workers);
        return () -> copy;
    }
}
