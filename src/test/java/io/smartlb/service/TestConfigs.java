package io.smartlb.service;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/** The configuration mapping as Quarkus builds it, without starting Quarkus. */
final class TestConfigs {

    private TestConfigs() {
    }

    /** Returns the mapping of these values over the defaults, with Quarkus' syntax for durations (10s) and sizes (16M). */
    static BalancerConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()  // expands ${...} in values, as Quarkus does
                .withMapping(BalancerConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build()
                .getConfigMapping(BalancerConfig.class);
    }
}
