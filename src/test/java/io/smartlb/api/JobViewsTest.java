package io.smartlb.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartlb.core.Balancer;
import io.smartlb.core.JobHandle;
import io.smartlb.core.JobStatus;
import io.smartlb.core.strategy.Fifo;
import io.smartlb.service.BalancerService;
import io.smartlb.service.FinishedJob;
import io.smartlb.service.ScriptedWork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The view of an ended job read from its {@link FinishedJob} is the view its live handle gave, to
 * the byte, whatever the way it ended. Plain JUnit: a one-worker balancer on a fake clock, the
 * view written by one mapper (the service's own is checked over HTTP in EndedJobsTest).
 */
final class JobViewsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final AtomicLong clock = new AtomicLong(1_234_567_891);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ScriptedWork work = new ScriptedWork(clock, 2_345_678);  // each job's time on the fake clock
    private final JobViews views = new JobViews();
    private Balancer<JsonNode, JsonNode> balancer;

    @BeforeEach
    void start() {
        views.service = new BalancerService();  // its clock only: now() and epochMillis() need no CDI
        balancer = Balancer.<JsonNode, JsonNode>builder(work::run)
                .workers(1).strategy(new Fifo()).executor(threads).clock(clock::get).expiry(true).build();
    }

    @AfterEach
    void stop() {
        work.open();
        balancer.close();
        threads.shutdownNow();
    }

    private JobHandle<JsonNode, JsonNode> submit(String model, String data, double priority) throws JsonProcessingException {
        return balancer.submit(model, JSON.readTree(data), priority);
    }

    private static JobHandle<JsonNode, JsonNode> ended(JobHandle<JsonNode, JsonNode> job) {
        await().atMost(PATIENCE).until(() -> job.status().isFinal());
        return job;
    }

    /** Checks that the record gives the handle's view, to the byte; returns that view's JSON. */
    private String assertSameView(JobHandle<JsonNode, JsonNode> job) throws JsonProcessingException {
        String live = JSON.writeValueAsString(views.of(job));
        String record = JSON.writeValueAsString(views.of(FinishedJob.of(job, null, ScriptedWork::encode)));
        assertThat(record).isEqualTo(live);
        return record;
    }

    @Test
    void of_doneJob_recordGivesTheSameView() throws Exception {
        String view = assertSameView(ended(submit("voice-1", "{\"text\":\"h\\u00e9\",\"n\":[1,2.5,null]}", 1.5)));

        assertThat(view).contains("\"status\":\"DONE\"", "\"priority\":1.5", "\"modelLoaded\":true",
                "\"result\":{\"text\":\"hé\",\"n\":[1,2.5,null]}", "\"dispatch\":\"loaded voice-1: ");
    }

    @Test
    void of_failedJob_recordGivesTheSameView() throws Exception {
        String view = assertSameView(ended(submit("m1", "{\"fail\":\"out of memory\"}", 0)));

        assertThat(view).contains("\"status\":\"FAILED\"", "\"error\":\"out of memory\"").doesNotContain("result");
    }

    @Test
    void of_passThroughJob_recordGivesTheSameSummary() throws Exception {
        String view = assertSameView(ended(submit("m1", "{\"forward\":4096}", 0)));

        assertThat(view).contains("\"result\":{\"upstreamStatus\":201,\"contentType\":\"audio/wav\",\"bytes\":4096}");
    }

    @Test
    void of_cancelledAndExpiredJobs_recordsGiveTheSameViews() throws Exception {
        JobHandle<JsonNode, JsonNode> holder = submit("m1", "{\"hold\":true}", 0);
        await().atMost(PATIENCE).until(() -> holder.status() == JobStatus.RUNNING);
        JobHandle<JsonNode, JsonNode> cancelled = submit("m2", "{}", 0);
        JobHandle<JsonNode, JsonNode> expired = submit("m3", "{}", 0);
        assertThat(balancer.cancel(cancelled)).isTrue();
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(balancer.expire(Duration.ofSeconds(1))).containsExactly(expired);

        assertThat(assertSameView(cancelled)).contains("\"status\":\"CANCELLED\"", "\"worker\":null")
                .doesNotContain("dispatch");
        assertThat(assertSameView(expired)).contains("\"status\":\"EXPIRED\"", "\"waitMs\":2000", "\"error\":\"waited");
    }

    @Test
    void of_jobsFailedAtShutdown_runningOrQueued_recordsGiveTheSameViews() throws Exception {
        JobHandle<JsonNode, JsonNode> running = submit("m1", "{\"hold\":true}", 0);
        await().atMost(PATIENCE).until(() -> running.status() == JobStatus.RUNNING);
        JobHandle<JsonNode, JsonNode> queued = submit("m2", "{}", 0);

        balancer.close();  // no drain: the running job fails, the queued one fails without starting

        List<String> views = new ArrayList<>();
        for (JobHandle<JsonNode, JsonNode> job : List.of(ended(running), ended(queued))) {
            views.add(assertSameView(job));
        }
        assertThat(views.get(0)).contains("\"status\":\"FAILED\"", "\"worker\":0", "\"dispatch\":");
        assertThat(views.get(1)).contains("\"status\":\"FAILED\"", "\"worker\":null", "\"startedAt\":null")
                .doesNotContain("dispatch");
    }
}
