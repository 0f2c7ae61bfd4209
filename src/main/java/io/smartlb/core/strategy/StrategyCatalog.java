package io.smartlb.core.strategy;

import io.smartlb.core.Strategy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The built-in strategies by configuration name, registered explicitly (no scanning). Settings are
 * the keys under {@code balancer.strategies.<name>.}, the same as in {@code application.properties}.
 */
public final class StrategyCatalog {

    /** Reads one strategy's duration setting, or returns the default given. */
    @FunctionalInterface
    public interface Settings {
        Duration duration(String strategy, String key, Duration defaultValue);

        /** Returns settings that always answer the defaults. */
        static Settings defaults() {
            return (strategy, key, defaultValue) -> defaultValue;
        }
    }

    private static final Map<String, Function<Settings, Strategy>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put(Fifo.NAME, settings -> new Fifo());
        FACTORIES.put(Affinity.NAME, settings -> new Affinity(
                settings.duration(Affinity.NAME, "switch-penalty", Affinity.DEFAULT_SWITCH_PENALTY),
                settings.duration(Affinity.NAME, "shared-model-penalty", Affinity.DEFAULT_SHARED_MODEL_PENALTY)));
        FACTORIES.put(ExclusiveAffinity.NAME, settings -> new ExclusiveAffinity(
                settings.duration(ExclusiveAffinity.NAME, "switch-penalty", Affinity.DEFAULT_SWITCH_PENALTY)));
        FACTORIES.put(Adaptive.NAME, settings -> new Adaptive(
                settings.duration(Adaptive.NAME, "max-wait", Adaptive.DEFAULT_MAX_WAIT),
                settings.duration(Adaptive.NAME, "default-load-time", Adaptive.DEFAULT_LOAD_TIME),
                settings.duration(Adaptive.NAME, "default-process-time", Adaptive.DEFAULT_PROCESS_TIME)));
    }

    private StrategyCatalog() {
    }

    /** Returns the built-in names, in registration order. */
    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /**
     * Returns a new strategy called {@code name}.
     *
     * @throws IllegalArgumentException naming the known strategies when {@code name} is unknown
     */
    public static Strategy create(String name, Settings settings) {
        Function<Settings, Strategy> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException(
                    "strategy '" + name + "' not found; known: " + String.join(", ", FACTORIES.keySet()));
        }
        return factory.apply(settings);
    }
}
