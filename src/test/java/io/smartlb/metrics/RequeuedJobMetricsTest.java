package io.smartlb.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.common.annotation.Identifier;
import io.smartlb.backend.Backend;
import io.smartlb.core.NotDeliveredException;
import io.smartlb.core.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A job sent again after its worker refused it starts twice, but waited once and loaded once. */
@QuarkusTest
@TestProfile(RequeuedJobMetricsTest.UndeliveredOnce.class)
final class RequeuedJobMetricsTest {

    static final String NAME = "test-undelivered-once";

    /** One worker whose backend refuses the first job it is given. */
    public static final class UndeliveredOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("balancer.workers", "1", "balancer.backend", NAME);
        }
    }

    /** Refuses its first job, as an upstream that refused the connection would; answers the others. */
    @ApplicationScoped
    @Identifier(NAME)
    static class RefusesFirst implements Backend {
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public JsonNode run(Task<JsonNode> task) throws Exception {
            if (calls.getAndIncrement() == 0) {
                throw NotDeliveredException.refused("connection refused", null);
            }
            return JsonNodeFactory.instance.objectNode().put("ok", true);
        }
    }

    @Test
    void waitTime_ofAJobStartedTwice_isRecordedOnce_andTheRefusedTryCountsARequeueButNoLoad() {
        Scrape before = Scrape.now();
        String id = given().contentType(ContentType.JSON).body(Map.of("model", "m1"))
                .when().post("/jobs?wait=false").then().statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(given().get("/jobs/" + id).then().extract().<String>path("status")).isEqualTo("DONE"));

        // the listener records after the job reads DONE: wait until it has
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Scrape after = Scrape.now();
            for (String name : new String[] {"balancer_jobs_finished_total", "balancer_job_wait_seconds_count",
                    "balancer_job_processing_seconds_count", "balancer_jobs_requeued_total", "balancer_model_loads_total"}) {
                assertThat(after.sum(name) - before.sum(name)).as(name).isEqualTo(1);
            }
        });
    }
}
