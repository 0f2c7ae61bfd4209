package io.smartlb.sim;

import io.smartlb.core.strategy.StrategyCatalog;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Strategy settings given on the command line as {@code balancer.strategies.<name>.<key>=<duration>},
 * answered to {@link StrategyCatalog} in place of the defaults.
 */
final class StrategySettings implements StrategyCatalog.Settings {

    static final String PREFIX = "balancer.strategies.";

    private final Map<String, Duration> values;

    StrategySettings(Map<String, Duration> values) {
        this.values = Map.copyOf(values);
    }

    @Override
    public Duration duration(String strategy, String key, Duration defaultValue) {
        return values.getOrDefault(key(strategy, key), defaultValue);
    }

    static String key(String strategy, String key) {
        return PREFIX + strategy + "." + key;
    }

    /**
     * Returns every strategy key the catalog reads, learned by creating each strategy once with
     * settings that record what they are asked: new strategies bring their keys without a list here.
     */
    static Set<String> knownKeys() {
        Set<String> keys = new LinkedHashSet<>();
        StrategyCatalog.Settings recorder = (strategy, key, defaultValue) -> {
            keys.add(key(strategy, key));
            return defaultValue;
        };
        for (String name : StrategyCatalog.names()) {
            StrategyCatalog.create(name, recorder);
        }
        return keys;
    }
}
