package io.smartlb.core;

/**
 * One model with waiting jobs, as a strategy sees it while walking models by age: its head (the
 * job that sorts first), how many of its jobs wait and how many workers hold it. A live read-only
 * view, valid only during the decision that obtained it.
 */
public interface WaitingModel {

    /** Returns the model's name. */
    String model();

    /** Returns the model's first job by effective submit time (never null). */
    Job<?> head();

    /** Returns how many of the model's jobs wait (at least 1). */
    int count();

    /** Returns how many workers hold the model, in any state. */
    int holders();

    /**
     * Returns true when every job of the model that waits, or waited since the model last had none,
     * was submitted at one instant: a batch that arrived together (a burst), not a stream that
     * keeps coming. A batch stays one while its jobs are served.
     */
    boolean arrivedTogether();

    /** Returns how many of the model's jobs were added since it last had none waiting (at least 1). */
    int arrivedSinceEmpty();
}
