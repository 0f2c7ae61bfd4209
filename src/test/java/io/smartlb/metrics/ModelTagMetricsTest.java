package io.smartlb.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

// a model of its own per test: its series start at zero, so counts are exact whatever ran before
@QuarkusTest
@TestProfile(ModelTagMetricsTest.ModelTag.class)
final class ModelTagMetricsTest {

    @Test
    void jobMeters_modelTagOn_countEachModelApart() {
        String model = "tagged-" + UUID.randomUUID();
        String tag = "model=" + model;

        // m m m(fail) one after another: the first loads the model, the next two find it loaded
        JsonPath first = Jobs.run(model);
        Jobs.run(model);
        Jobs.runFailing(model);

        String worker = "worker=" + first.getInt("worker");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Scrape scrape = Scrape.now();
            assertThat(scrape.sum("balancer_jobs_submitted_total", tag)).isEqualTo(3);
            assertThat(scrape.sum("balancer_jobs_finished_total", tag, "outcome=done")).isEqualTo(2);
            assertThat(scrape.sum("balancer_jobs_finished_total", tag, "outcome=failed")).isEqualTo(1);
            assertThat(scrape.sum("balancer_job_wait_seconds_count", tag)).isEqualTo(3);
            assertThat(scrape.sum("balancer_job_processing_seconds_count", tag)).isEqualTo(3);
            assertThat(scrape.sum("balancer_model_loads_total", tag, worker)).isEqualTo(1);
            assertThat(scrape.sum("balancer_model_load_seconds_count", tag)).isEqualTo(1);
        });
    }

    @Test
    void gauges_modelTagOn_haveNoModel() {
        Scrape scrape = Scrape.now();

        assertThat(scrape.matching("balancer_queue_size")).singleElement()
                .satisfies(sample -> assertThat(sample.labels()).doesNotContainKey("model"));
        assertThat(scrape.matching("balancer_workers_busy")).singleElement()
                .satisfies(sample -> assertThat(sample.labels()).doesNotContainKey("model"));
    }

    /** Job meters tagged with the model. */
    public static final class ModelTag implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("balancer.metrics.model-tag", "true");
        }
    }
}
