package io.smartlb.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code balancer.*} key, with its default. Checked at startup: a bad value stops the
 * service with a line naming the key. The core never sees this interface, only validated values.
 */
@ConfigMapping(prefix = "balancer")
public interface BalancerConfig {

    /** Returns the number of workers for the simulated (and custom) backends. */
    @WithDefault("2")
    int workers();

    /** Returns the strategy's name: fifo, affinity, exclusive-affinity, adaptive or a custom @Identifier. */
    @WithDefault("affinity")
    String strategy();

    /** Returns the built-in strategies' settings. */
    Strategies strategies();

    /** Returns the queue's limits. */
    Queue queue();

    /** Returns how finished jobs are kept. */
    Jobs jobs();

    /** Returns the backend's name: simulated, http or a custom @Identifier. */
    @WithDefault("simulated")
    String backend();

    /** Returns the simulated backend's costs. */
    Simulated simulated();

    /** Returns the http backend's settings. */
    Http http();

    /** Returns the shutdown settings. */
    Shutdown shutdown();

    /** Returns the metrics settings. */
    Metrics metrics();

    /** Returns how often queued jobs are checked for expiry and finished ones forgotten. */
    @WithDefault("1s")
    Duration housekeepingInterval();

    /** The built-in strategies' settings. */
    interface Strategies {
        Affinity affinity();

        ExclusiveAffinity exclusiveAffinity();

        Adaptive adaptive();

        /** {@code balancer.strategies.affinity.*}. */
        interface Affinity {
            @WithDefault("10s")
            Duration switchPenalty();

            @WithDefault("1s")
            Duration sharedModelPenalty();
        }

        /** {@code balancer.strategies.exclusive-affinity.*}. */
        interface ExclusiveAffinity {
            @WithDefault("10s")
            Duration switchPenalty();
        }

        /** {@code balancer.strategies.adaptive.*}. */
        interface Adaptive {
            /** Returns the hard bound on waiting; see {@link io.smartlb.core.strategy.Adaptive}. */
            @WithDefault("5m")
            Duration maxWait();

            /** Returns the load time assumed before any load was measured. */
            @WithDefault("5s")
            Duration defaultLoadTime();

            /** Returns the job time assumed before any job was measured. */
            @WithDefault("100ms")
            Duration defaultProcessTime();
        }
    }

    /** {@code balancer.queue.*}. */
    interface Queue {
        /** Returns how many jobs may wait; more are refused with 429. */
        @WithDefault("10000")
        int capacity();

        /** Returns how long a job may wait before it expires (504); zero for no limit. */
        @WithDefault("0s")
        Duration maxWait();

        /**
         * Returns how many bytes of request data queued and running jobs may hold, more are refused
         * with 429; absent for a tenth of the heap ({@link BalancerService#DEFAULT_HEAP_SHARE}).
         */
        Optional<MemorySize> maxBytes();
    }

    /** {@code balancer.jobs.*}. */
    interface Jobs {
        /** Returns how long finished jobs (and idempotency keys) stay readable. */
        @WithDefault("10m")
        Duration retention();

        /** Returns how many finished jobs are kept at most; the oldest are forgotten first. */
        @WithDefault("100000")
        int maxRetained();

        /**
         * Returns how many bytes finished jobs (results, errors, and for a job with an idempotency
         * key its data) may take; the oldest are forgotten first. Absent for a tenth of the heap.
         */
        Optional<MemorySize> maxRetainedBytes();
    }

    /** {@code balancer.simulated.*}. */
    interface Simulated {
        @WithDefault("5s")
        Duration loadTime();

        @WithDefault("10ms")
        Duration processTime();
    }

    /** {@code balancer.http.*}: real model servers, one worker per upstream. */
    interface Http {
        /** Returns the upstream base URLs, one worker each, in order; required with backend=http. */
        Optional<List<String>> upstreams();

        /** Returns the request path on the upstream; may contain {@code {model}}. */
        @WithDefault("/")
        String path();

        /** Returns the header that tells the upstream which model to use. */
        @WithDefault("X-Model")
        String modelHeader();

        /** Returns the time limit of one request, model load included. */
        @WithDefault("60s")
        Duration timeout();

        /** Returns the path probed with GET; a 2xx answer means up. */
        @WithDefault("/health")
        String healthPath();

        /** Returns how often upstreams are probed. */
        @WithDefault("5s")
        Duration healthInterval();

        /** Returns how long a probe may take before its upstream counts as down; by default the request timeout. */
        @WithDefault("${balancer.http.timeout}")
        Duration healthTimeout();

        /**
         * Returns the longest upstream answer read into memory; a longer one fails its job (502).
         * Absent for {@link ResponseSizeLimit#byDefault}: 16M, or less where the heap could not take
         * one answer that long on every upstream at once.
         */
        Optional<MemorySize> maxResponseSize();

        /**
         * Returns how many jobs in a row an upstream may fail as a gateway does (an answer of 502,
         * 503 or 504, or none complete, a connection broken before any answer included) before its
         * worker is taken out of service; 0: never.
         */
        @WithDefault("5")
        int ejectAfter();

        /** Returns how long a first ejection lasts before a passing health probe brings the worker back. */
        @WithDefault("30s")
        Duration ejectTime();
    }

    /** {@code balancer.shutdown.*}. */
    interface Shutdown {
        /** Returns how long queued and running jobs may take to finish at shutdown. */
        @WithDefault("30s")
        Duration drainTimeout();
    }

    /** {@code balancer.metrics.*}. */
    interface Metrics {
        /** Returns whether job meters carry a model tag (unbounded label sets hurt Prometheus). */
        @WithDefault("false")
        @WithConverter(StrictBoolean.class)
        boolean modelTag();
    }
}
