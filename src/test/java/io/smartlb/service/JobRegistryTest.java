package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartlb.core.Balancer;
import io.smartlb.core.Decision;
import io.smartlb.core.Job;
import io.smartlb.core.JobHandle;
import io.smartlb.core.JobListener;
import io.smartlb.core.JobStatus;
import io.smartlb.core.Strategy;
import io.smartlb.core.WorkerState;
import io.smartlb.core.strategy.Fifo;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry with a real one-worker balancer on a fake clock: an ended job is read from its
 * compact record, and is forgotten after the retention or beyond the cap.
 */
final class JobRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RETENTION = Duration.ofMinutes(10).toNanos();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final AtomicLong clock = new AtomicLong(1_000);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ScriptedWork work = new ScriptedWork(clock, 1_000_000);  // each job's time on the fake clock
    private final CountDownLatch firstEnded = new CountDownLatch(1);
    private JobRegistry registry;
    private Balancer<JsonNode, JsonNode> balancer;

    private final AtomicLong released = new AtomicLong();

    private void start(int maxRetained) {
        start(maxRetained, Long.MAX_VALUE);
    }

    private void start(int maxRetained, long maxRetainedBytes) {
        start(maxRetained, maxRetainedBytes, new Fifo(), Duration.ZERO);
    }

    private void start(int maxRetained, long maxRetainedBytes, Strategy strategy, Duration maxWait) {
        registry = new JobRegistry(RETENTION, maxRetained, maxRetainedBytes, released::addAndGet, ScriptedWork::encode);
        balancer = Balancer.<JsonNode, JsonNode>builder(work::run)
                .workers(1).strategy(strategy).executor(threads).clock(clock::get).maxWait(maxWait)
                .listener(new JobListener() {
                    @Override
                    public void finished(JobHandle<?, ?> job) {
                        registry.finished(job);
                        firstEnded.countDown();
                    }
                })
                .build();
    }

    @AfterEach
    void stop() {
        work.open();
        if (balancer != null) {
            balancer.close();
        }
        threads.shutdownNow();
    }

    private JobHandle<JsonNode, JsonNode> submit(String key, String data) {
        return registry.register(key, data.length(), () -> balancer.submit("m1", json(data), 0)).handle();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Waits until the job's record has replaced its handle, and returns the record. */
    private FinishedJob awaitRecord(JobHandle<JsonNode, JsonNode> job) {
        await().atMost(PATIENCE).until(() -> registry.find(job.id()).orElse(null) instanceof FinishedJob);
        return (FinishedJob) registry.find(job.id()).orElseThrow();
    }

    @Test
    void find_runningJob_returnsItsLiveHandle() {
        start(10);
        JobHandle<JsonNode, JsonNode> job = submit(null, "{\"hold\":true}");
        await().atMost(PATIENCE).until(() -> job.status() == JobStatus.RUNNING);

        assertThat(registry.find(job.id())).containsInstanceOf(KnownJob.Live.class);
        assertThat(((KnownJob.Live) registry.find(job.id()).orElseThrow()).handle()).isSameAs(job);
        assertThat(registry.retained()).isZero();
    }

    @Test
    void finished_doneJob_isReplacedByARecordOfWhatItsViewShows() {
        start(10);
        JobHandle<JsonNode, JsonNode> job = submit(null, "{\"text\":\"hi\"}");

        FinishedJob record = awaitRecord(job);

        assertThat(record.id()).isEqualTo(job.id());
        assertThat(record.model()).isEqualTo("m1");
        assertThat(record.status()).isEqualTo(JobStatus.DONE);
        assertThat(record.worker()).isZero();
        assertThat(record.modelLoaded()).isTrue();  // the worker started empty
        assertThat(record.submittedNanos()).isEqualTo(job.submittedNanos());
        assertThat(record.startedNanos()).isEqualTo(job.startedNanos());
        assertThat(record.finishedNanos()).isEqualTo(job.finishedNanos()).isGreaterThan(record.startedNanos());
        assertThat(record.resultJson()).isEqualTo("{\"text\":\"hi\"}");
        assertThat(record.dispatch()).isEqualTo(job.dispatchReason()).startsWith("loaded m1: ");
        assertThat(record.error()).isNull();
        assertThat(record.key()).isNull();
        assertThat(registry.retained()).isOne();
    }

    @Test
    void finished_releasesTheDataItWasRegisteredWith_once() {
        start(10);
        String data = "{\"text\":\"hello\"}";
        JobHandle<JsonNode, JsonNode> job = submit(null, data);

        awaitRecord(job);
        registry.finished(job);  // heard again: released once all the same

        assertThat(released.get()).isEqualTo(data.length());
    }

    @Test
    void retainedBytes_overTheLimit_forgetsTheOldest_butKeepsTheNewest() {
        String data = "{\"text\":\"" + "x".repeat(100) + "\"}";  // its result echoes it: 110 to 200 bytes a record
        start(10, 400);
        JobHandle<JsonNode, JsonNode> first = submit(null, data);
        awaitRecord(first);
        JobHandle<JsonNode, JsonNode> second = submit(null, data);
        awaitRecord(second);
        assertThat(registry.retained()).isEqualTo(2);

        JobHandle<JsonNode, JsonNode> third = submit(null, data);
        awaitRecord(third);

        assertThat(registry.find(first.id())).isEmpty();
        assertThat(registry.retained()).isEqualTo(2);
        assertThat(registry.retainedBytes()).isLessThanOrEqualTo(400);
        JobHandle<JsonNode, JsonNode> huge = submit(null, "{\"text\":\"" + "x".repeat(1000) + "\"}");
        awaitRecord(huge);
        assertThat(registry.retained()).as("the newest stays, whatever its size").isOne();
    }

    @Test
    void retainedBytes_jobWithAKey_countsTheDataAndResultItsHandleKeeps() {
        String data = "{\"text\":\"" + "x".repeat(100) + "\"}";
        start(10);
        FinishedJob plain = awaitRecord(submit(null, data));
        assertThat(registry.retainedBytes()).isEqualTo(plain.textBytes());

        FinishedJob keyed = awaitRecord(submit("key-1", data));

        assertThat(registry.retainedBytes() - plain.textBytes()).isEqualTo(2L * keyed.textBytes() + data.length());
    }

    @Test
    void finished_failedJob_keepsItsError_andNoResult() {
        start(10);
        JobHandle<JsonNode, JsonNode> job = submit(null, "{\"fail\":\"out of memory\"}");

        FinishedJob record = awaitRecord(job);

        assertThat(record.status()).isEqualTo(JobStatus.FAILED);
        assertThat(record.error()).isEqualTo("out of memory");
        assertThat(record.resultJson()).isNull();
        assertThat(record.worker()).isZero();
        assertThat(record.dispatch()).isNotNull();
    }

    @Test
    void finished_passThroughJob_keepsTheSummaryItsViewShows_notTheBody() {
        start(10);
        JobHandle<JsonNode, JsonNode> job = submit(null, "{\"forward\":100000}");

        FinishedJob record = awaitRecord(job);

        assertThat(record.resultJson()).isEqualTo("{\"upstreamStatus\":201,\"contentType\":\"audio/wav\",\"bytes\":100000}");
    }

    @Test
    void finished_cancelledJob_neverRan() {
        start(10);
        submit(null, "{\"hold\":true}");
        JobHandle<JsonNode, JsonNode> queued = submit(null, "{}");

        assertThat(balancer.cancel(queued)).isTrue();

        FinishedJob record = awaitRecord(queued);
        assertThat(record.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(record.worker()).isEqualTo(-1);
        assertThat(record.modelLoaded()).isFalse();
        assertThat(record.dispatch()).isNull();
        assertThat(record.startedNanos()).isZero();
    }

    @Test
    void register_jobThatEndedBeforeItWasRegistered_isRetainedOnce() {
        start(10);
        // the listener hears the end before the registry knows the job: register() must retain it
        JobHandle<JsonNode, JsonNode> job = registry.register(null, 0, () -> {
            JobHandle<JsonNode, JsonNode> submitted = balancer.submit("m1", json("{}"), 0);
            try {
                assertThat(firstEnded.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return submitted;
        }).handle();

        assertThat(registry.find(job.id())).containsInstanceOf(FinishedJob.class);
        registry.finished(job);  // a late second notice changes nothing
        assertThat(registry.retained()).isOne();
        assertThat(registry.size()).isOne();
    }

    @Test
    void register_sameKeyAfterTheJobEnded_returnsTheSameHandle_andSubmitsNothing() {
        start(10);
        JobHandle<JsonNode, JsonNode> first = submit("key-1", "{}");
        FinishedJob record = awaitRecord(first);

        JobRegistry.Lookup retry = registry.register("key-1", 0, () -> {
            throw new AssertionError("a known key must not submit");
        });

        assertThat(retry.created()).isFalse();
        assertThat(retry.handle()).isSameAs(first);
        assertThat(record.key()).isEqualTo("key-1");
    }

    @Test
    void register_whileItsSubmissionEndsExpiredJobs_keepsTheNewKey() {
        // model "late" is never started, so its job waits until it expires; "key1" and "keyA" share
        // a hash bin of the key map, where a key dropped from inside the new key's insertion got lost
        Strategy onlyM1 = (worker, waiting, workers, now) -> {
            Job<?> head = waiting.head("m1");
            return head == null ? Decision.idle("m1 only") : Decision.run(head, "m1");
        };
        start(1, Long.MAX_VALUE, onlyM1, Duration.ofSeconds(1));
        JobHandle<JsonNode, JsonNode> first = submit("key1", "{}");
        awaitRecord(first);
        // the record is kept after the worker's counts say it is free; waited for here all the same
        await().atMost(Duration.ofSeconds(10)).until(() -> balancer.workers().get(0).state() == WorkerState.IDLE);
        JobHandle<JsonNode, JsonNode> late = registry.register(null, 0, () -> balancer.submit("late", json("{}"), 0)).handle();
        clock.addAndGet(Duration.ofSeconds(2).toNanos());

        // this submission ends the late job (expired), whose record pushes out key1's, on this thread
        JobHandle<JsonNode, JsonNode> second = submit("keyA", "{}");
        assertThat(late.status()).isEqualTo(JobStatus.EXPIRED);
        awaitRecord(second);

        JobRegistry.Lookup retry = registry.register("keyA", 0, () -> {
            throw new AssertionError("a known key must not submit");
        });
        assertThat(retry.created()).isFalse();
        assertThat(retry.handle()).isSameAs(second);
        assertThat(registry.register("key1", 0, () -> balancer.submit("m1", json("{}"), 0)).created()).isTrue();
    }

    @Test
    void forget_pastTheRetention_forgetsTheJobAndItsKey() {
        start(10);
        JobHandle<JsonNode, JsonNode> job = submit("key-1", "{}");
        long ended = awaitRecord(job).finishedNanos();

        assertThat(registry.forget(ended + RETENTION)).isZero();
        assertThat(registry.find(job.id())).isPresent();

        assertThat(registry.forget(ended + RETENTION + 1)).isOne();
        assertThat(registry.find(job.id())).isEmpty();
        assertThat(registry.retained()).isZero();
        // the key is free again: a retry is a new job
        JobRegistry.Lookup again = registry.register("key-1", 0, () -> balancer.submit("m1", json("{}"), 0));
        assertThat(again.created()).isTrue();
        assertThat(again.handle().id()).isNotEqualTo(job.id());
    }

    @Test
    void finished_beyondMaxRetained_forgetsTheOldestAtOnce() {
        start(2);
        JobHandle<JsonNode, JsonNode> first = submit("key-1", "{}");
        awaitRecord(first);
        JobHandle<JsonNode, JsonNode> second = submit(null, "{}");
        awaitRecord(second);
        JobHandle<JsonNode, JsonNode> third = submit(null, "{}");
        awaitRecord(third);

        // no housekeeping runs: the third job's end forgets the first
        await().atMost(PATIENCE).until(() -> registry.find(first.id()).isEmpty());
        assertThat(registry.find(second.id())).isPresent();
        assertThat(registry.retained()).isEqualTo(2);
        assertThat(registry.register("key-1", 0, () -> balancer.submit("m1", json("{}"), 0)).created()).isTrue();
    }

    @Test
    void finished_maxRetainedZero_forgetsEveryEndedJob() {
        start(0);
        JobHandle<JsonNode, JsonNode> job = submit(null, "{}");

        await().atMost(PATIENCE).until(() -> registry.find(job.id()).isEmpty());
        assertThat(registry.retained()).isZero();
    }

    @Test
    void record_withAnOpenStatus_isRefused() {
        assertThatThrownBy(() -> new FinishedJob(1, "m1", 0, JobStatus.RUNNING, 0, false, 0, 0, 0, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RUNNING");
        assertThatThrownBy(() -> new FinishedJob(1, "m1", 0, JobStatus.FAILED, 0, false, 0, 0, 0, "x", null, "{}", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("result");
    }
}
