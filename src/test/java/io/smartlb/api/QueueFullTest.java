package io.smartlb.api;

import static io.smartlb.api.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A full queue refuses new jobs with 429 and {@code Retry-After} (design.md section 5), and counts them. */
@QuarkusTest
@TestProfile(QueueFullTest.SmallQueue.class)
class QueueFullTest {

    /** One worker, two places in the queue. */
    public static final class SmallQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("balancer.workers", "1", "balancer.queue.capacity", "2");
        }
    }

    @Test
    void submit_queueFull_returns429WithRetryAfter() {
        Api.awaitIdle();
        String model = Api.model("full");
        String running = Api.submitAsync(model, Api.HOLD_MS);
        List<String> queued = List.of(Api.submitAsync(model, 1), Api.submitAsync(model, 1));

        Response refused = RestAssured.given().contentType(ContentType.JSON).body(Api.job(model, 1))
                .when().post("/jobs?wait=false");

        assertProblem(refused, 429);
        assertThat(refused.header("Retry-After")).isNotBlank().containsOnlyDigits();
        // this profile's application refuses only this job
        assertThat(RestAssured.get("/q/metrics").asString())
                .contains("balancer_jobs_refused_total{reason=\"queue_full\"} 1.0")
                .contains("balancer_jobs_refused_total{reason=\"shutting_down\"} 0.0");
        assertThat(Api.queue().getInt("capacity")).isEqualTo(2);
        Api.awaitFinal(running);
        queued.forEach(id -> assertThat(Api.awaitFinal(id).getString("status")).isEqualTo("DONE"));
    }
}
