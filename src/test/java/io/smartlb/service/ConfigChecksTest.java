package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The startup checks the config mapping cannot express; each failure names its key (design.md section 6). */
final class ConfigChecksTest {

    // the mapping as Quarkus builds it, with Quarkus' duration syntax (10s, 5m), from these values and the defaults
    private static BalancerConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withMapping(BalancerConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build()
                .getConfigMapping(BalancerConfig.class);
    }

    @Test
    void check_defaults_pass() {
        assertThatCode(() -> ConfigChecks.check(config(Map.of()))).doesNotThrowAnyException();
    }

    @Test
    void check_zeroDurationsWhereZeroMeansNone_pass() {
        BalancerConfig config = config(Map.of(
                "balancer.queue.max-wait", "0s",
                "balancer.simulated.load-time", "0s",
                "balancer.shutdown.drain-timeout", "0s"));

        assertThatCode(() -> ConfigChecks.check(config)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"balancer.queue.max-bytes", "balancer.jobs.max-retained-bytes", "balancer.http.max-response-size"})
    void check_zeroByteSize_failsNamingTheKey(String key) {
        BalancerConfig config = config(Map.of(key, "0"));

        assertThatThrownBy(() -> ConfigChecks.check(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(key + ": ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"balancer.housekeeping-interval", "balancer.http.health-interval"})
    void check_intervalUnderOneSecond_failsNamingTheKey(String key) {
        BalancerConfig config = config(Map.of(key, "500ms"));

        assertThatThrownBy(() -> ConfigChecks.check(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(key + ": ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "balancer.strategies.affinity.switch-penalty",
        "balancer.strategies.affinity.shared-model-penalty",
        "balancer.strategies.exclusive-affinity.switch-penalty",
        "balancer.queue.max-wait",
        "balancer.jobs.retention",
        "balancer.simulated.load-time",
        "balancer.simulated.process-time",
        "balancer.shutdown.drain-timeout"})
    void check_negativeDuration_failsNamingTheKey(String key) {
        BalancerConfig config = config(Map.of(key, "-1s"));

        assertThatThrownBy(() -> ConfigChecks.check(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(key + ": ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void check_zeroRetention_failsNamingTheKey() {
        BalancerConfig config = config(Map.of("balancer.jobs.retention", "0s"));

        assertThatThrownBy(() -> ConfigChecks.check(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("balancer.jobs.retention: ");
    }
}
