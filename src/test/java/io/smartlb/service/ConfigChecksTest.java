package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The startup checks the config mapping cannot express; each failure names its key (design.md section 6). */
final class ConfigChecksTest {

    private static BalancerConfig config(Map<String, String> values) {
        return TestConfigs.config(values);
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
    @CsvSource({"balancer.workers, 0, use 1 to 1024", "balancer.workers, 1025, use 1 to 1024",
            "balancer.queue.capacity, 0, use 1 or more", "balancer.jobs.max-retained, -1, use 1 or more",
            "balancer.http.eject-after, -1, use 0 or more"})
    void check_countOutOfRange_failsWithOneLineNamingTheKey(String key, String value, String advice) {
        BalancerConfig config = config(Map.of(key, value));

        assertThatThrownBy(() -> ConfigChecks.check(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(key + ": " + value + " is out of range; " + advice);
    }

    @Test
    void check_countsAtTheirLimits_pass() {
        BalancerConfig config = config(Map.of("balancer.workers", "1024", "balancer.queue.capacity", "1",
                "balancer.jobs.max-retained", "1"));

        assertThatCode(() -> ConfigChecks.check(config)).doesNotThrowAnyException();
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
        "balancer.shutdown.drain-timeout",
        "balancer.http.timeout",
        "balancer.http.health-timeout",
        "balancer.http.eject-time"})
    void check_negativeDuration_failsNamingTheKey(String key) {
        BalancerConfig config = config(Map.of(key, "-1s"));

        assertThatThrownBy(() -> ConfigChecks.check(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(key + ": ")
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "balancer.strategies.affinity.switch-penalty",
        "balancer.strategies.adaptive.max-wait",
        "balancer.queue.max-wait",
        "balancer.jobs.retention",
        "balancer.housekeeping-interval",
        "balancer.http.timeout"})
    void check_durationOverNanosecondRange_failsNamingTheKey(String key) {
        BalancerConfig config = config(Map.of(key, "106752d"));

        assertThatThrownBy(() -> ConfigChecks.check(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(key + ": 106752d is too long; use at most 106751d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"balancer.queue.max-bytes", "balancer.jobs.max-retained-bytes", "balancer.http.max-response-size"})
    void check_byteSizeOverALong_failsNamingTheKey(String key) {
        BalancerConfig config = config(Map.of(key, "1Y"));

        assertThatThrownBy(() -> ConfigChecks.check(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(key + ": ")
                .hasMessageEndingWith("bytes is too large; use less than 8E (at most 9223372036854775807, a long)");
    }

    @Test
    void warnings_adaptiveBoundNotBelowTheQueuesExpiry_warnsOnce() {
        assertThat(ConfigChecks.warnings(config(Map.of("balancer.strategy", "adaptive", "balancer.queue.max-wait", "5m"))))
                .containsExactly("balancer.strategies.adaptive.max-wait=5m is not below balancer.queue.max-wait=5m: jobs"
                        + " expire before adaptive's bound on waiting acts");
        assertThat(ConfigChecks.warnings(config(Map.of("balancer.strategy", "adaptive", "balancer.queue.max-wait", "6m"))))
                .isEmpty();
        assertThat(ConfigChecks.warnings(config(Map.of("balancer.strategy", "adaptive")))).isEmpty();  // no expiry
        assertThat(ConfigChecks.warnings(config(Map.of("balancer.strategy", "affinity", "balancer.queue.max-wait", "1m"))))
                .isEmpty();
    }

    @Test
    void check_maxResponseSizeOverOneArray_failsNamingTheKey() {
        assertThatThrownBy(() -> ConfigChecks.check(config(Map.of("balancer.http.max-response-size", "2G"))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("balancer.http.max-response-size: 2147483648 bytes is too large: an answer is read into one"
                        + " array; use at most 2147483639");
        assertThatCode(() -> ConfigChecks.check(config(Map.of("balancer.http.max-response-size", "2047M"))))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "yes", "1", "on"})
    void modelTag_onlyTrueOrFalse(String value) {
        assertThatThrownBy(() -> config(Map.of("balancer.metrics.model-tag", value)))
                .hasMessageContaining("balancer.metrics.model-tag")
                .hasMessageContaining("must be true or false");
    }

    @ParameterizedTest
    @CsvSource({"balancer.http.timeout, 60s", "balancer.http.health-timeout, 5s"})
    void check_zeroHttpTimeout_failsNamingTheKey_whateverTheBackend(String key, String example) {
        BalancerConfig config = config(Map.of(key, "0s"));  // the simulated backend, the default

        assertThatThrownBy(() -> ConfigChecks.check(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(key + ": 0s must be > 0, e.g. " + example);
    }

    @Test
    void check_zeroRetention_failsNamingTheKey() {
        BalancerConfig config = config(Map.of("balancer.jobs.retention", "0s"));

        assertThatThrownBy(() -> ConfigChecks.check(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("balancer.jobs.retention: ");
    }
}
