package io.smartlb.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.smartlb.core.DurationText;
import io.smartlb.core.strategy.Adaptive;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Startup checks of the configuration's values; each stops startup with one line naming its key
 * (bean-validation annotations on the mapping printed four lines, one of them the validator's
 * version).
 */
final class ConfigChecks {

    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    private ConfigChecks() {
    }

    /** The most workers (simulated and custom backends) or upstreams (http): each has a loop thread. */
    static final int MAX_WORKERS = 1024;

    static void check(BalancerConfig config) {
        between("balancer.workers", config.workers(), 1, MAX_WORKERS);
        between("balancer.queue.capacity", config.queue().capacity(), 1, Integer.MAX_VALUE);
        between("balancer.jobs.max-retained", config.jobs().maxRetained(), 1, Integer.MAX_VALUE);
        nonNegative("balancer.strategies.affinity.switch-penalty", config.strategies().affinity().switchPenalty());
        nonNegative("balancer.strategies.affinity.shared-model-penalty",
                config.strategies().affinity().sharedModelPenalty());
        nonNegative("balancer.strategies.exclusive-affinity.switch-penalty",
                config.strategies().exclusiveAffinity().switchPenalty());
        positive("balancer.strategies.adaptive.max-wait", config.strategies().adaptive().maxWait(), "5m");
        nonNegative("balancer.strategies.adaptive.default-load-time", config.strategies().adaptive().defaultLoadTime());
        nonNegative("balancer.strategies.adaptive.default-process-time",
                config.strategies().adaptive().defaultProcessTime());
        nonNegative("balancer.queue.max-wait", config.queue().maxWait());
        positive("balancer.jobs.retention", config.jobs().retention(), "5m");
        nonNegative("balancer.simulated.load-time", config.simulated().loadTime());
        nonNegative("balancer.simulated.process-time", config.simulated().processTime());
        nonNegative("balancer.shutdown.drain-timeout", config.shutdown().drainTimeout());
        config.queue().maxBytes().ifPresent(size -> positive("balancer.queue.max-bytes", size));
        config.jobs().maxRetainedBytes().ifPresent(size -> positive("balancer.jobs.max-retained-bytes", size));
        config.http().maxResponseSize().ifPresent(size -> {
            positive("balancer.http.max-response-size", size);
            if (size.asLongValue() > ResponseSizeLimit.LARGEST) {
                throw new InvalidConfigException("balancer.http.max-response-size", size.asLongValue()
                        + " bytes is too large: an answer is read into one array; use at most " + ResponseSizeLimit.LARGEST);
            }
        });
        between("balancer.http.eject-after", config.http().ejectAfter(), 0, Integer.MAX_VALUE);
        nonNegative("balancer.http.eject-time", config.http().ejectTime());
        atLeastOneSecond("balancer.housekeeping-interval", config.housekeepingInterval());
        atLeastOneSecond("balancer.http.health-interval", config.http().healthInterval());
        // checked whatever the backend, so a bad value shows before someone switches to http
        positive("balancer.http.timeout", config.http().timeout(), "60s");
        positive("balancer.http.health-timeout", config.http().healthTimeout(), "5s");
    }

    /** Returns what a valid configuration may not mean: one line each, for the startup log. */
    static List<String> warnings(BalancerConfig config) {
        List<String> warnings = new ArrayList<>();
        Duration expiry = config.queue().maxWait();
        Duration bound = config.strategies().adaptive().maxWait();
        // a job that expires before it is overdue never gets adaptive's bound: rarely meant
        if (Adaptive.NAME.equals(config.strategy()) && !expiry.isZero() && bound.compareTo(expiry) >= 0) {
            warnings.add("balancer.strategies.adaptive.max-wait=" + DurationText.of(bound) + " is not below"
                    + " balancer.queue.max-wait=" + DurationText.of(expiry) + ": jobs expire before adaptive's bound on waiting acts");
        }
        return warnings;
    }

    private static void between(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidConfigException(key, value + " is out of range; use " + min
                    + (max == Integer.MAX_VALUE ? " or more" : " to " + max));
        }
    }

    private static void positive(String key, MemorySize size) {
        if (size.asBigInteger().compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0) {
            throw new InvalidConfigException(key, size.asBigInteger() + " bytes is too large; use less than 8E (at most 9223372036854775807, a long)");
        }
        if (size.asLongValue() < 1) {
            throw new InvalidConfigException(key, size.asLongValue() + " bytes; use a size > 0, e.g. 256M");
        }
    }

    // durations are kept as nanoseconds in a long
    private static void fitsNanos(String key, Duration value) {
        if (value.compareTo(LONGEST) > 0) {
            throw new InvalidConfigException(key, DurationText.of(value) + " is too long; use at most 106751d");
        }
    }

    // the Quarkus scheduler runs nothing more often than once a second
    private static void atLeastOneSecond(String key, Duration value) {
        fitsNanos(key, value);
        if (value.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidConfigException(key, DurationText.of(value) + " is under the scheduler's 1s; use 1s or more");
        }
    }

    private static void nonNegative(String key, Duration value) {
        fitsNanos(key, value);
        if (value.isNegative()) {
            throw new InvalidConfigException(key, DurationText.of(value) + " is negative; use a duration >= 0, e.g. 10s");
        }
    }

    private static void positive(String key, Duration value, String example) {
        fitsNanos(key, value);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidConfigException(key, DurationText.of(value) + " must be > 0, e.g. " + example);
        }
    }
}
