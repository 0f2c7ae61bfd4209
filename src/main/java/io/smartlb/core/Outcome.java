package io.smartlb.core;

/** How a worker's job ended. */
public enum Outcome {
    /** The job ran and returned a result. */
    DONE,
    /** The job failed; the worker still holds its model. */
    FAILED,
    /** Loading the model failed; the worker holds no model. */
    LOAD_FAILED;

    /** Returns whether the job failed either way. */
    public boolean failed() {
        return this != DONE;
    }
}
