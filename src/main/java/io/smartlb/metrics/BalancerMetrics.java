package io.smartlb.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smartlb.core.JobHandle;
import io.smartlb.core.JobListener;
import io.smartlb.core.NotDeliveredException;
import io.smartlb.core.QueueFullException;
import io.smartlb.core.RejectedJobException;
import io.smartlb.core.WorkerSnapshot;
import io.smartlb.core.WorkerState;
import io.smartlb.service.BalancerConfig;
import io.smartlb.service.BalancerService;
import io.smartlb.service.DataTooLargeException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Binds the balancer to Micrometer (design.md §7): job counters and timers fed by job events, and
 * gauges of the queue and of busy workers read from the service at scrape time. A {@code model}
 * tag is added to the job meters only with {@code balancer.metrics.model-tag=true}.
 *
 * <p>Threading: the listener methods run on worker threads and on HTTP threads, outside the
 * dispatcher's lock. They only update Micrometer's thread-safe meters, never block, and never
 * let an exception reach the balancer.
 */
@Startup  // registers the gauges at startup, before the first job or scrape
@ApplicationScoped
public class BalancerMetrics implements JobListener {

    private static final Logger LOG = Logger.getLogger(BalancerMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    BalancerService service;

    @Inject
    BalancerConfig config;

    private final AtomicBoolean warned = new AtomicBoolean();
    private JobMeters meters;

    @PostConstruct
    void register() {
        BalancerMeters factory = new BalancerMeters(registry);
        meters = config.metrics().modelTag()
                ? JobMeters.perModel(factory)
                : JobMeters.shared(factory, service.workers().size());
        // the gauges keep only the application-scoped service, never a job or a request; a registry
        // that outlived an earlier start of the application (tests restart it in one JVM) still has
        // gauges of that start's service: replace them, or they would read a stopped service
        for (String gauge : new String[] {BalancerMeters.QUEUE_SIZE, BalancerMeters.WORKERS_BUSY, BalancerMeters.WORKERS_DOWN}) {
            registry.find(gauge).gauges().forEach(registry::remove);
        }
        for (String counter : new String[] {BalancerMeters.STRATEGY_FAILURES, BalancerMeters.UPSTREAM_EJECTIONS}) {
            registry.find(counter).functionCounters().forEach(registry::remove);
        }
        Gauge.builder(BalancerMeters.QUEUE_SIZE, service, BalancerService::queued)
                .description("Jobs waiting in the queue")
                .register(registry);
        Gauge.builder(BalancerMeters.WORKERS_BUSY, service, s -> busy(s.workers()))
                .description("Workers running a job")
                .register(registry);
        Gauge.builder(BalancerMeters.WORKERS_DOWN, service, s -> down(s.workers()))
                .description("Workers out of service: a failed health probe, a job's failed connection, an outlier ejection,"
                        + " or a worker loop that died")
                .register(registry);
        FunctionCounter.builder(BalancerMeters.STRATEGY_FAILURES, service, BalancerService::strategyFailures)
                .description("Strategy calls that threw, or decisions that were null or named a job not waiting (the oldest job ran)")
                .register(registry);
        FunctionCounter.builder(BalancerMeters.UPSTREAM_EJECTIONS, service, BalancerService::ejections)
                .description("Upstreams taken out of service for failing balancer.http.eject-after jobs in a row as a gateway does")
                .register(registry);
    }

    /** Counts a queued job. */
    @Override
    public void submitted(JobHandle<?, ?> job) {
        try {
            meters.submitted(job.model()).increment();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /**
     * Counts a job queued again, and the load its try was for when the job may have reached the
     * worker (a refused connection loaded nothing).
     */
    @Override
    public void requeued(JobHandle<?, ?> job, int worker, boolean loaded, NotDeliveredException reason) {
        try {
            meters.requeued(job.model()).increment();
            if (loaded && reason.mayHaveReached()) {
                meters.loads(worker, job.model()).increment();
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /**
     * Counts the job's outcome and its last start's model load, and records its wait, processing and
     * model load times: the wait once per job, up to its last start (a job sent again after its
     * worker failed starts more than once; an earlier start's load is counted at {@link #requeued}).
     */
    @Override
    public void finished(JobHandle<?, ?> job) {
        try {
            String model = job.model();
            meters.finished(job.status(), model).increment();
            // a load is counted once its job ends (or is sent again, above): a try refused loads nothing
            if (job.worker() >= 0 && job.modelLoaded()) {
                meters.loads(job.worker(), model).increment();
            }
            // a job given a worker has started; one cancelled, expired or dropped while queued has no processing time
            if (job.worker() >= 0) {
                meters.waitTime(model).record(elapsed(job.submittedNanos(), job.startedNanos()), TimeUnit.NANOSECONDS);
                meters.processingTime(model).record(elapsed(job.startedNanos(), job.finishedNanos()), TimeUnit.NANOSECONDS);
            }
            long loadNanos = job.loadNanos();
            if (loadNanos >= 0) {
                meters.loadTime(model).record(loadNanos, TimeUnit.NANOSECONDS);
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** Counts a job that was not queued, by reason. */
    @Override
    public void refused(String model, RejectedJobException reason) {
        try {
            String tag = reason instanceof QueueFullException ? JobMeters.QUEUE_FULL
                    : reason instanceof DataTooLargeException ? JobMeters.TOO_LARGE : JobMeters.SHUTTING_DOWN;
            meters.refused(tag, model).increment();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private static long elapsed(long fromNanos, long toNanos) {
        return Math.max(0, toNanos - fromNanos);
    }

    // a worker taken out of service while its job runs still runs it: busy counts running jobs
    static double busy(List<WorkerSnapshot> workers) {
        return workers.stream().filter(w -> w.jobId() != null).count();
    }

    static double down(List<WorkerSnapshot> workers) {
        return workers.stream().filter(w -> w.state() == WorkerState.DOWN).count();
    }

    // metrics must never fail a job; a broken meter would fail every job, so say it once
    private void failed(RuntimeException e) {
        if (warned.compareAndSet(false, true)) {
            LOG.warn("recording job metrics failed; later failures are not logged", e);
        }
    }
}
