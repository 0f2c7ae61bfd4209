package io.smartlb.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.smartlb.core.JobStatus;
import java.time.Duration;
import java.util.Locale;

/**
 * Names and builds the balancer's meters. Names are Micrometer's dotted form; the Prometheus
 * registry exports a counter as {@code <name>_total} and a timer as {@code <name>_seconds_count},
 * {@code _sum}, {@code _max} and {@code _bucket}, which gives the names of design.md §7.
 * Registering an existing name and tags returns the meter already registered.
 */
final class BalancerMeters {

    static final String JOBS_SUBMITTED = "balancer.jobs.submitted";
    static final String JOBS_FINISHED = "balancer.jobs.finished";
    static final String JOBS_REFUSED = "balancer.jobs.refused";
    static final String JOBS_REQUEUED = "balancer.jobs.requeued";
    static final String QUEUE_SIZE = "balancer.queue.size";
    static final String JOB_WAIT = "balancer.job.wait";
    static final String JOB_PROCESSING = "balancer.job.processing";
    static final String MODEL_LOADS = "balancer.model.loads";
    static final String MODEL_LOAD = "balancer.model.load";
    static final String WORKERS_BUSY = "balancer.workers.busy";
    static final String WORKERS_DOWN = "balancer.workers.down";
    static final String STRATEGY_FAILURES = "balancer.strategy.failures";
    static final String UPSTREAM_EJECTIONS = "balancer.upstream.ejections";

    static final String MODEL_TAG = "model";

    // a few fixed buckets from milliseconds (a job on a loaded model) to minutes (a backlog behind
    // model loads): enough for histogram_quantile and SLO alerts, few enough series per model
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
    };

    private final MeterRegistry registry;

    BalancerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    Counter submitted(Tags tags) {
        return Counter.builder(JOBS_SUBMITTED)
                .description("Jobs queued")
                .tags(tags)
                .register(registry);
    }

    Counter finished(JobStatus status, Tags tags) {
        return Counter.builder(JOBS_FINISHED)
                .description("Jobs ended, by outcome (done, failed, cancelled, expired)")
                .tag("outcome", outcome(status))
                .tags(tags)
                .register(registry);
    }

    Counter refused(String reason, Tags tags) {
        return Counter.builder(JOBS_REFUSED)
                .description("Jobs refused and not queued, by reason (queue_full, shutting_down, too_large)")
                .tag("reason", reason)
                .tags(tags)
                .register(registry);
    }

    Counter requeued(Tags tags) {
        return Counter.builder(JOBS_REQUEUED)
                .description("Jobs queued again after their worker took no delivery (connection refused, or broken before any answer)")
                .tags(tags)
                .register(registry);
    }

    Timer waitTime(Tags tags) {
        return timer(JOB_WAIT, "Time jobs waited in the queue before a worker started them", tags);
    }

    Timer processingTime(Tags tags) {
        return timer(JOB_PROCESSING, "Time from a job's start to its end, model load included", tags);
    }

    Counter loads(int worker, Tags tags) {
        return Counter.builder(MODEL_LOADS)
                .description("Model loads (switches), the first load of an empty worker included")
                .tag("worker", Integer.toString(worker))
                .tags(tags)
                .register(registry);
    }

    Timer loadTime(Tags tags) {
        return timer(MODEL_LOAD, "Time workers spent loading models, where the backend reports it", tags);
    }

    static String outcome(JobStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private Timer timer(String name, String description, Tags tags) {
        return Timer.builder(name)
                .description(description)
                .serviceLevelObjectives(BUCKETS)
                .tags(tags)
                .register(registry);
    }
}
