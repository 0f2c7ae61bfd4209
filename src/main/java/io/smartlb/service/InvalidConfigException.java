package io.smartlb.service;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.Set;

/**
 * A {@code balancer.*} value that the service cannot start with; the message names the key. A
 * {@link ConfigurationException}, so that Quarkus stops startup with the message alone.
 */
public final class InvalidConfigException extends ConfigurationException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String key, String problem) {
        super(key + ": " + problem, Set.of(key));
    }
}
