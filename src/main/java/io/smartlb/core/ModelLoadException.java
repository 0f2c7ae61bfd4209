package io.smartlb.core;

/** Thrown by {@link Work} when the model could not be loaded; the worker then holds no model. */
public class ModelLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
