package io.smartlb.core;

import java.util.Objects;

/**
 * What a strategy may know of a worker: its id, the model it holds (null for none) and its state.
 *
 * @param id the worker's index, from 0
 * @param model the loaded model, or null when the worker holds none
 * @param state idle, busy or down
 */
public record WorkerView(int id, String model, WorkerState state) {

    public WorkerView {
        if (id < 0) {
            throw new IllegalArgumentException("worker id must be >= 0: " + id);
        }
        Objects.requireNonNull(state, "state");
    }

    /** Returns whether this worker holds {@code someModel}. */
    public boolean holds(String someModel) {
        return model != null && model.equals(someModel);
    }

    /** Returns whether this worker holds no model. */
    public boolean empty() {
        return model == null;
    }
}
