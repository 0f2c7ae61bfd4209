package io.smartlb.service;

/** A {@code balancer.*} value that the service cannot start with; the message names the key. */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String key, String problem) {
        super(key + ": " + problem, null, false, false);
    }
}
