package io.smartlb.core;

/**
 * Picks the next job for a free worker. A strategy is a choice over read-only views: it must not
 * block, must not mutate what it is shown, and must return a waiting job (normally some model's
 * head) or an idle decision. It may keep state: what it learns from {@link #observe} and
 * {@link #arrived}, and what it decided before (the built-in {@code adaptive} remembers which
 * worker the bound made load a model). The dispatcher calls it under its lock, one call at a
 * time, so an implementation needs no synchronization of its own. A strategy that throws (an
 * {@code Error} too, such as a failed assertion), returns null or chooses a job that is not waiting
 * is logged and counted, and the oldest job runs instead ({@link Dispatcher#strategyFailures}).
 */
public interface Strategy {

    /**
     * Returns the job {@code worker} should run next, or an idle decision.
     *
     * @param worker the free worker asking
     * @param waiting the waiting jobs, indexed by model
     * @param workers every worker, the asking one included
     * @param nowNanos the dispatcher's clock
     */
    Decision next(WorkerView worker, Waiting waiting, Workers workers, long nowNanos);

    /**
     * Called under the dispatcher's lock when a job ends done, before its worker asks for the next
     * one, with what the job cost; strategies that learn costs override it. Not called for a job
     * that failed (a timeout or a refusal tells nothing of what a load or a job takes), nor for one
     * whose result the runtime was told tells no cost ({@link Balancer.Builder#tellsCost}: in the
     * service, a pass-through answer other than 2xx).
     */
    default void observe(JobCost cost) {
    }

    /**
     * Called under the dispatcher's lock when a job is admitted, after it joined the waiting jobs;
     * strategies that learn arrival rates override it. Not called for a refused submission, nor
     * for a job that waits again after its worker could not deliver it (not a new arrival).
     */
    default void arrived(Job<?> job, long nowNanos) {
    }
}
