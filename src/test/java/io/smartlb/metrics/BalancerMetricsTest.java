package io.smartlb.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

// other test classes share this application and its registry: tests compare values before and
// after their own jobs, and count "at least" where a job left running elsewhere could also count
@QuarkusTest
final class BalancerMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void scrape_afterJobs_exportsEveryName() {
        Jobs.run("m1");
        Jobs.runFailing("m1");

        Scrape scrape = Scrape.now();

        assertThat(scrape.matching("balancer_jobs_submitted_total")).hasSize(1);
        for (String outcome : new String[] {"done", "failed", "cancelled", "expired"}) {
            assertThat(scrape.matching("balancer_jobs_finished_total", "outcome=" + outcome)).hasSize(1);
        }
        for (String reason : new String[] {"queue_full", "shutting_down", "too_large"}) {
            assertThat(scrape.matching("balancer_jobs_refused_total", "reason=" + reason)).hasSize(1);
        }
        assertThat(scrape.matching("balancer_queue_size")).hasSize(1);
        assertThat(scrape.matching("balancer_workers_busy")).hasSize(1);
        assertThat(scrape.matching("balancer_workers_down")).hasSize(1);
        assertThat(scrape.sum("balancer_workers_down")).isZero();
        assertThat(scrape.matching("balancer_strategy_failures_total")).hasSize(1);
        assertThat(scrape.sum("balancer_strategy_failures_total")).isZero();
        assertThat(scrape.matching("balancer_upstream_ejections_total")).hasSize(1);  // 0 but for the http backend
        assertThat(scrape.sum("balancer_upstream_ejections_total")).isZero();
        for (String timer : new String[] {"balancer_job_wait_seconds", "balancer_job_processing_seconds",
                "balancer_model_load_seconds"}) {
            assertThat(scrape.matching(timer + "_count")).hasSize(1);
            assertThat(scrape.matching(timer + "_sum")).hasSize(1);
            assertThat(scrape.matching(timer + "_max")).hasSize(1);
            assertThat(scrape.matching(timer + "_bucket")).isNotEmpty();
        }
        assertThat(scrape.matching("balancer_model_loads_total", "worker=0")).hasSize(1);
        assertThat(scrape.matching("balancer_model_loads_total", "worker=1")).hasSize(1);
        // the model tag is off by default
        assertThat(scrape.lines("balancer_")).noneMatch(line -> line.contains("model=\""));
    }

    @Test
    void submitted_oneJob_increasesByOne() {
        double before = Scrape.now().sum("balancer_jobs_submitted_total");

        Jobs.run("m1");

        // counted on the submitting thread, before the job can run
        assertThat(Scrape.now().sum("balancer_jobs_submitted_total")).isEqualTo(before + 1);
    }

    @Test
    void finished_doneAndFailedJobs_countEachOutcomeAndTime() {
        Scrape before = Scrape.now();

        Jobs.run("m1");
        Jobs.run("m1");
        Jobs.runFailing("m1");

        // a waiting client may hear of the end before the listener has counted it
        await().atMost(PATIENCE).untilAsserted(() -> {
            Scrape after = Scrape.now();
            assertThat(increase(before, after, "balancer_jobs_finished_total", "outcome=done")).isGreaterThanOrEqualTo(2);
            assertThat(increase(before, after, "balancer_jobs_finished_total", "outcome=failed")).isGreaterThanOrEqualTo(1);
            assertThat(increase(before, after, "balancer_job_wait_seconds_count")).isGreaterThanOrEqualTo(3);
            assertThat(increase(before, after, "balancer_job_processing_seconds_count")).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void loads_jobForNewModel_countsOnItsWorkerAndTimesTheLoad() {
        Scrape before = Scrape.now();

        // no worker holds a model never seen before, so this job loads it
        JsonPath job = Jobs.run("load-" + UUID.randomUUID());

        assertThat(job.getBoolean("modelLoaded")).isTrue();
        String worker = "worker=" + job.getInt("worker");
        await().atMost(PATIENCE).untilAsserted(() -> {
            Scrape after = Scrape.now();
            assertThat(increase(before, after, "balancer_model_loads_total", worker)).isGreaterThanOrEqualTo(1);
            assertThat(increase(before, after, "balancer_model_load_seconds_count")).isGreaterThanOrEqualTo(1);
            // the simulated load takes 50 ms in tests
            assertThat(increase(before, after, "balancer_model_load_seconds_sum")).isGreaterThanOrEqualTo(0.05);
        });
    }

    @Test
    void gauges_busyWorkersAndBacklog_areShownAndCancelIsCounted() {
        // two slow jobs hold both workers, so a third one waits
        String first = Jobs.queue("m1", 1500);
        String second = Jobs.queue("m1", 1500);
        double cancelledBefore = Scrape.now().sum("balancer_jobs_finished_total", "outcome=cancelled");
        String third = Jobs.queue("m1", 1);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Scrape scrape = Scrape.now();
            assertThat(scrape.sum("balancer_workers_busy")).isEqualTo(2);
            assertThat(scrape.sum("balancer_queue_size")).isGreaterThanOrEqualTo(1);
        });
        given().when().delete("/jobs/" + third).then().statusCode(200);

        assertThat(Scrape.now().sum("balancer_jobs_finished_total", "outcome=cancelled"))
                .isGreaterThanOrEqualTo(cancelledBefore + 1);
        // leave the workers idle for the next test
        await().atMost(PATIENCE).until(() -> Jobs.status(first).equals("DONE") && Jobs.status(second).equals("DONE"));
    }

    private static double increase(Scrape before, Scrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
