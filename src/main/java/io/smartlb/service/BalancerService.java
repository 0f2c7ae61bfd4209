package io.smartlb.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.MemorySize;
import io.smartlb.backend.Backend;
import io.smartlb.backend.Brief;
import io.smartlb.backend.ForwardRequest;
import io.smartlb.backend.HttpBackend;
import io.smartlb.core.Balancer;
import io.smartlb.core.DurationText;
import io.smartlb.core.JobHandle;
import io.smartlb.core.JobListener;
import io.smartlb.core.JobStatus;
import io.smartlb.core.ModelBacklog;
import io.smartlb.core.NotDeliveredException;
import io.smartlb.core.QueueFullException;
import io.smartlb.core.RejectedJobException;
import io.smartlb.core.Strategy;
import io.smartlb.core.Work;
import io.smartlb.core.WorkerSnapshot;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The balancer as a CDI service: it picks the strategy and backend named in the configuration,
 * runs the worker loops on threads of their own, keeps finished jobs readable for the retention
 * time, and drains at shutdown. Embed it in a Quarkus application by injecting it.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
@ApplicationScoped
@Startup
public class BalancerService {

    private static final Logger LOG = Logger.getLogger(BalancerService.class);

    /** What {@link #cancel} did. */
    public enum CancelResult { CANCELLED, NOT_FOUND, NOT_QUEUED }

    @Inject
    BalancerConfig config;

    @Inject
    @Any
    Instance<Strategy> strategies;

    @Inject
    @Any
    Instance<Backend> backends;

    @Inject
    @Any
    Instance<JobListener> listeners;

    @Inject
    ObjectMapper json;

    private final long originNanos = System.nanoTime();
    private final Instant originWall = Instant.now();
    private final long originWallMillis = originWall.toEpochMilli();
    private final long originWallNanosOfMilli = originWall.getNano() % 1_000_000L;
    private final ModelNames models = new ModelNames(1024);
    private volatile boolean draining;
    private final AtomicLong failedInDrain = new AtomicLong();  // queued jobs failed while draining
    private final Set<Integer> reportedDown = ConcurrentHashMap.newKeySet();
    // by worker, why it was last taken out of service (a probe, an ejection, a job's connection)
    private AtomicReferenceArray<String> downReasons;
    private ProbeOrder probeOrder;
    private ExecutorService executor;
    private Balancer<JsonNode, JsonNode> balancer;
    private JobRegistry registry;
    private QueuedData queuedData;
    private Listener listener;
    private String strategyName;
    private Backend backend;
    private volatile boolean seenUp;  // a worker passed a health probe since startup
    private OutlierEjection ejection;  // with the http backend, unless turned off

    /** The share of the heap each byte limit takes when not set: queued data, retained jobs. */
    public static final double DEFAULT_HEAP_SHARE = 0.1;

    // CDI creates the bean at startup (@Startup); a bad configuration fails it here, naming the key
    @jakarta.annotation.PostConstruct
    void start() {
        ConfigChecks.check(config);
        ConfigChecks.warnings(config).forEach(LOG::warn);
        EnvironmentSettings.warnings(System.getenv(), EnvironmentSettings.known()).forEach(LOG::warn);
        strategyName = config.strategy();
        Strategy strategy = NamedBeans.select(strategies, strategyName, "balancer.strategy", "strategy");
        backend = NamedBeans.select(backends, config.backend(), "balancer.backend", "backend");
        int workers = backend.workerCount().orElse(config.workers());
        probeOrder = new ProbeOrder(workers);
        downReasons = new AtomicReferenceArray<>(workers);
        queuedData = new QueuedData(bytesOrHeapShare(config.queue().maxBytes()));
        registry = new JobRegistry(config.jobs().retention().toNanos(), config.jobs().maxRetained(),
                bytesOrHeapShare(config.jobs().maxRetainedBytes()), queuedData::release, this::encode);
        listener = new Listener(listeners.stream().toList());
        executor = workerLoops(workers);
        Work<JsonNode, JsonNode> work = task -> ForwardJobs.isForward(task.data())
                ? ForwardJobs.wrap(backend.forward(task, ForwardJobs.request(task.data())))
                : backend.run(task);
        if (HttpBackend.NAME.equals(config.backend()) && config.http().ejectAfter() > 0) {
            ejection = new OutlierEjection(workers, config.http().ejectAfter(), config.http().ejectTime(), this::now, probeOrder,
                    worker -> balancer.isDown(worker), worker -> {
                        downReasons.set(worker, "ejected: its upstream failed " + config.http().ejectAfter()
                                + " jobs in a row as a gateway does");
                        balancer.markDown(worker);
                    });
            work = ejection.watch(work);
        }
        balancer = Balancer.builder(work)
                .workers(workers)
                .strategy(strategy)
                .capacity(config.queue().capacity())
                .expiry(!config.queue().maxWait().isZero())
                .maxWait(config.queue().maxWait())
                .executor(executor)
                .clock(this::now)
                .listener(listener)
                // a pass-through job ends done whatever its upstream answered: an error answer (a
                // gateway's timeout, a 503 at once) says nothing of what a load or a job takes
                .tellsCost(ForwardJobs::tellsCost)
                .build();
        // before the HTTP server listens (which may still fail): the balancer is ready, not the service
        String whose = backend.workerCount().isPresent() ? " (as the backend has; balancer.workers is not used)" : "";
        LOG.infof("balancer ready: %d worker%s%s, strategy %s, backend %s, queue capacity %d jobs and %d bytes",
                workers, workers == 1 ? "" : "s", whose, describe(config.strategy(), strategy), config.backend(),
                config.queue().capacity(), queuedData.limit());
        // now: readiness waits for a first answer, and the scheduled probes start only once
        // Housekeeping resumes the scheduler
        probeWorkers();
    }

    /**
     * Returns whether a worker has passed a health probe since startup: until one has, nothing
     * says an upstream can take jobs (a backend without probes passes them at once).
     */
    public boolean seenUp() {
        return seenUp;
    }

    // a built-in strategy prints its settings; a custom one that does not gets its configured name
    private static String describe(String name, Strategy strategy) {
        String text = strategy.toString();
        return text.startsWith(name) ? text : name;
    }

    /**
     * Queues a job, or returns the one already known for {@code idempotencyKey}.
     *
     * @throws io.smartlb.core.QueueFullException when the queue is full
     * @throws io.smartlb.core.ShutdownException while draining
     * @throws IdempotencyKeyReusedException when the key was used for another request
     * @throws DataTooLargeException when the data alone is over balancer.queue.max-bytes
     */
    public Submission submit(String model, JsonNode data, double priority, String idempotencyKey) {
        return submit(model, data, priority, idempotencyKey, 0);
    }

    /**
     * Queues a job whose data came in a request of {@code dataBytes} bytes, counted against
     * {@code balancer.queue.max-bytes} until the job ends (0 counts nothing), or returns the one
     * already known for {@code idempotencyKey}.
     *
     * @throws io.smartlb.core.QueueFullException when the queue is full, in jobs or in bytes
     * @throws io.smartlb.core.ShutdownException while draining
     * @throws IdempotencyKeyReusedException when the key was used for another request
     */
    public Submission submit(String model, JsonNode data, double priority, String idempotencyKey, long dataBytes) {
        if (dataBytes > queuedData.limit()) {
            DataTooLargeException tooLarge = new DataTooLargeException(dataBytes, queuedData.limit());
            listener.refused(models.canonical(model), tooLarge);
            throw tooLarge;  // a 429 would invite retries forever
        }
        JobRegistry.Lookup lookup = registry.register(idempotencyKey, dataBytes,
                () -> admit(models.canonical(model), data, priority, dataBytes));
        JobHandle<JsonNode, JsonNode> job = lookup.handle();
        if (!lookup.created() && !isSameRequest(job, model, data, priority)) {
            throw new IdempotencyKeyReusedException(idempotencyKey, job.id());
        }
        return new Submission(job, lookup.created());
    }

    // counts the job's data against balancer.queue.max-bytes until the registry sees it end
    private JobHandle<JsonNode, JsonNode> admit(String model, JsonNode data, double priority, long dataBytes) {
        try {
            queuedData.reserve(dataBytes);
        } catch (QueueFullException e) {
            listener.refused(model, e);
            throw e;
        }
        try {
            return balancer.submit(model, data, priority);
        } catch (RuntimeException e) {
            queuedData.release(dataBytes);
            throw e;
        }
    }

    // a missing data and JSON null are the same request
    // the same model, priority and data as JSON values (key order and escapes aside; numbers as
    // written, 1 and 1.0 differ); no data and "data": null differ too: the upstream gets {} or null
    private static boolean isSameRequest(JobHandle<JsonNode, JsonNode> job, String model, JsonNode data, double priority) {
        return job.model().equals(model) && Double.compare(job.priority(), priority) == 0
                && Objects.equals(job.data(), data);
    }

    /**
     * Queues a request to pass through to a worker unchanged ({@code /forward}); its result is a
     * {@link ForwardJobs#response} once DONE.
     */
    public Submission forward(String model, ForwardRequest request, double priority) {
        return submit(model, ForwardJobs.data(request), priority, null, request.body().length);
    }

    /**
     * Returns a job that is still known: its live handle while queued or running, its
     * {@link FinishedJob} once ended (within the retention time).
     */
    public Optional<KnownJob> find(long id) {
        return registry.find(id);
    }

    /** Cancels a queued job. */
    public CancelResult cancel(long id) {
        Optional<KnownJob> job = registry.find(id);
        if (job.isEmpty()) {
            return CancelResult.NOT_FOUND;
        }
        return job.get() instanceof KnownJob.Live live && balancer.cancel(live.handle(), "cancelled by DELETE /jobs/" + id)
                ? CancelResult.CANCELLED : CancelResult.NOT_QUEUED;
    }

    /**
     * Cancels a queued job whose waiting client went away; a running one goes on, but is not sent
     * again should its try fail before any answer.
     */
    public void abandon(JobHandle<JsonNode, JsonNode> job) {
        if (balancer.abandon(job)) {
            LOG.debugf("job %d (model %s) cancelled: its client disconnected", job.id(), job.model());
        }
    }

    /** Returns every worker's state and statistics. */
    public List<WorkerSnapshot> workers() {
        return balancer.workers();
    }

    /** Returns how many jobs wait. */
    public int queued() {
        return balancer.queued();
    }

    /** Returns the queue capacity. */
    public int capacity() {
        return balancer.capacity();
    }

    /** Returns, per model with waiting jobs, how many wait and since when. */
    public List<ModelBacklog> backlogs() {
        return balancer.backlogs();
    }

    /** Returns the configured strategy's name. */
    public String strategyName() {
        return strategyName;
    }

    /** Returns whether the service is draining: shutdown has begun, and it takes no new jobs. */
    public boolean draining() {
        return draining || balancer.isShuttingDown();
    }

    /** Returns why {@code worker} is out of service, or null while it is in service. */
    public String whyDown(int worker) {
        if (!balancer.isDown(worker)) {
            return null;
        }
        if (balancer.loopDied(worker)) {
            return "its loop died (see the log): down for good";
        }
        String reason = downReasons.get(worker);
        return reason == null ? "a job's connection to it failed" : reason;  // the one way down that sets none
    }

    /** Returns how many worker loops died. */
    public int deadWorkerLoops() {
        return balancer.deadLoops();
    }

    /** Returns how many times outlier ejection took an upstream out of service. */
    public long ejections() {
        return ejection == null ? 0 : ejection.ejections();
    }

    /** Returns how often the strategy failed (threw, or decided null or a job not waiting). */
    public long strategyFailures() {
        return balancer.strategyFailures();
    }

    /** Returns the maximum time a job may wait, or zero for none. */
    public Duration maxWait() {
        return config.queue().maxWait();
    }

    /** Returns the service clock, in nanoseconds since start. */
    public long now() {
        return System.nanoTime() - originNanos;
    }

    /** Returns the wall-clock time of a service-clock reading. */
    public Instant toInstant(long nanos) {
        return originWall.plusNanos(nanos);
    }

    /**
     * Returns the wall-clock time of a service-clock reading in milliseconds since the epoch,
     * rounded down: {@code toInstant(nanos).toEpochMilli()}, without the {@code Instant}.
     */
    public long epochMillis(long nanos) {
        return originWallMillis + Math.floorDiv(originWallNanosOfMilli + nanos, 1_000_000L);
    }

    /** Expires jobs past max-wait and forgets finished jobs past retention; called periodically. */
    public void housekeep() {
        Duration maxWait = config.queue().maxWait();
        if (!maxWait.isZero()) {
            balancer.expire(maxWait);  // the listener logs each
        }
        registry.forget(now());
    }

    /**
     * Probes every worker's backend: a worker that fails goes DOWN (no new jobs); one that answers
     * again comes back holding no model. Never blocks: probes complete on the client's threads (one that
     * times out on the JDK's timer thread), where what follows is short.
     */
    public void probeWorkers() {
        for (int worker = 0; worker < probeOrder.workers(); worker++) {
            int id = worker;
            long probe = probeOrder.send(id);
            answer(id).thenAccept(whyDown -> probeOrder.applyIfNewest(id, probe, () -> {
                boolean up = whyDown == null;
                if (up && ejection != null && ejection.keepsOut(id)) {
                    return;  // it passes its probes but failed its jobs: back once the ejection time is over
                }
                // also while draining: a worker that comes back then serves the queued jobs
                boolean wasDown = balancer.isDown(id);
                boolean ejected = false;
                if (up) {
                    seenUp = true;
                    ejected = wasDown && ejection != null && ejection.backInService(id, reportedDown.contains(id));
                    balancer.markUp(id);
                    downReasons.set(id, null);
                } else {
                    if (ejection != null) {
                        ejection.probeFailed(id);
                    }
                    downReasons.set(id, "its health probe failed: " + whyDown);
                    balancer.markDown(id);
                }
                reportChange(id, whyDown, wasDown, ejected);
            }));
        }
    }

    // null when the worker is up, else why not: a probe that throws or fails (a custom backend's)
    // counts as a failed one, and its message says why
    private CompletionStage<String> answer(int worker) {
        try {
            return backend.probe(worker).handle((up, failure) -> failure != null ? reason(failure)
                    : Boolean.TRUE.equals(up) ? null : "its probe answered no");
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(reason(e));
        }
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : Brief.of(cause.getMessage());
    }

    // one line when a probe takes a worker out of service or brings it back, not one per probe
    private void reportChange(int worker, String whyDown, boolean wasDown, boolean afterEjection) {
        boolean up = whyDown == null;
        if (!up && reportedDown.add(worker)) {
            LOG.warnf("worker %d failed its health probe (%s): out of service until it passes one", worker, whyDown);
        } else if (up && wasDown && !balancer.isDown(worker)) {
            boolean probeHadFailed = reportedDown.remove(worker);
            LOG.infof(probeHadFailed ? "worker %d passed its health probe: back in service"
                    : afterEjection ? "worker %d passed its health probe: back in service after its ejection"
                    : "worker %d passed its health probe: back in service (a job's connection to it had failed)", worker);
        } else if (up) {
            reportedDown.remove(worker);
        }
    }

    // a result kept for readers is JSON text: smaller than its tree, and written out as it is
    private byte[] encode(JsonNode result) {
        try {
            return json.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            LOG.warnf("a job's result cannot be written as JSON; its view will show none: %s", e.getMessage());
            return null;
        }
    }

    // a limit as set, or a share of the heap as this JVM runs it
    private static long bytesOrHeapShare(Optional<MemorySize> configured) {
        return configured.map(MemorySize::asLongValue)
                .orElse(Math.max(1, (long) (Runtime.getRuntime().maxMemory() * DEFAULT_HEAP_SHARE)));
    }

    /** Returns the backend that runs the jobs. */
    public Backend backend() {
        return backend;
    }

    /**
     * Stops taking jobs (readiness DOWN, submissions 503), lets queued and running jobs finish
     * within {@code balancer.shutdown.drain-timeout}, then fails what is left.
     */
    public boolean drain() {
        draining = true;
        Duration timeout = config.shutdown().drainTimeout();
        long running = balancer.workers().stream().filter(w -> w.jobId() != null).count();
        LOG.infof("draining: %d jobs queued and %d running, up to %s to finish", balancer.queued(), running,
                DurationText.of(timeout));
        try {
            boolean drained = balancer.shutdown(timeout);
            if (!drained) {
                LOG.warnf("drain timeout %s passed; the jobs left were failed: %d queued (each logged at DEBUG, with any"
                        + " earlier try that may have run), and each running one on a line of its own", DurationText.of(timeout),
                        failedInDrain.get());
            }
            return drained;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // Quarkus' first shutdown phase, while the HTTP layer still serves: waiting clients get their
    // answers and pollers their results. It fires only with quarkus.shutdown.delay-enabled=true.
    void onShutdownStarts(@Observes ShutdownDelayInitiatedEvent event) {
        drain();
    }

    // one thread per worker loop, for the service's life: a loop blocks its thread while it waits
    // or runs a job, so on Quarkus' worker pool 200 loops (its default size on small machines)
    // left no thread for REST, health or housekeeping, and more could not start; they carry no
    // request context
    private static ExecutorService workerLoops(int workers) {
        AtomicInteger made = new AtomicInteger();
        return Executors.newFixedThreadPool(workers, loop -> {
            Thread thread = new Thread(loop, "smartlb-worker-" + made.getAndIncrement());
            thread.setDaemon(true);  // the drain ends the loops; a stuck one must not hold the JVM
            return thread;
        });
    }

    // the last phase, once the HTTP layer has answered its requests; drains here only if the
    // first phase did not (the delay disabled at build time)
    void onShutdown(@Observes ShutdownEvent event) {
        if (!balancer.isShuttingDown()) {
            drain();
        }
    }

    @PreDestroy
    void stop() {
        if (!balancer.isShuttingDown()) {
            drain();
        }
        executor.shutdownNow();
    }

    /** Keeps the registry and the listener beans informed; logs failures once each. */
    private final class Listener implements JobListener {
        private final List<JobListener> others;

        Listener(List<JobListener> others) {
            this.others = others;
        }

        @Override
        public void submitted(JobHandle<?, ?> job) {
            each(l -> l.submitted(job));
        }

        @Override
        public void started(JobHandle<?, ?> job) {
            if (LOG.isDebugEnabled()) {
                LOG.debugf("job %d (model %s) started on worker %d: %s", job.id(), job.model(), job.worker(),
                        job.dispatchReason());
            }
            each(l -> l.started(job));
        }

        // one line per try a worker did not take: its worker is down until its next probe, so few
        @Override
        public void requeued(JobHandle<?, ?> job, int worker, boolean loaded, NotDeliveredException reason) {
            downReasons.set(worker, "a job's connection failed: " + Brief.of(reason.getMessage()));
            LOG.warnf("job %d (model %s) queued again: worker %d took no delivery (%s)%s", job.id(), job.model(), worker,
                    reason.getMessage(), reason.mayHaveReached() ? "; it may have run there" : "");
            each(l -> l.requeued(job, worker, loaded, reason));
        }

        @Override
        public void finished(JobHandle<?, ?> job) {
            registry.finished(job);
            if (job.status() == JobStatus.FAILED && job.worker() >= 0) {
                LOG.warnf("job %d (model %s) failed on worker %d: %s", job.id(), job.model(), job.worker(), job.error());
            } else if (job.status() == JobStatus.FAILED && draining) {
                // a full queue would log thousands of lines: drain() sums them up in one
                failedInDrain.incrementAndGet();
                LOG.debugf("job %d (model %s) failed while queued: %s", job.id(), job.model(), job.error());
            } else if (job.status() == JobStatus.FAILED) {
                LOG.warnf("job %d (model %s) failed while queued: %s", job.id(), job.model(), job.error());
            } else if (job.status() == JobStatus.EXPIRED) {
                LOG.infof("job %d (model %s) expired: %s", job.id(), job.model(), job.error());
            }
            each(l -> l.finished(job));
        }

        @Override
        public void refused(String model, RejectedJobException reason) {
            each(l -> l.refused(model, reason));
        }

        // a listener that throws must not take a worker loop down with it
        private void each(Consumer<JobListener> call) {
            for (JobListener listener : others) {
                try {
                    call.accept(listener);
                } catch (RuntimeException e) {
                    LOG.debugf(e, "job listener %s failed", listener);
                }
            }
        }
    }
}
