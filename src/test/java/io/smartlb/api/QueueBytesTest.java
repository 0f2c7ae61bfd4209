package io.smartlb.api;

import static io.smartlb.api.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Queued and running jobs hold at most {@code balancer.queue.max-bytes} of request data: a body that
 * would pass it gets 429 and is counted as refused, and the bytes come back when jobs end; a body
 * over it by itself gets 413, as no retry could succeed.
 */
@QuarkusTest
@TestProfile(QueueBytesTest.SmallByteBudget.class)
class QueueBytesTest {

    /** One worker; 20,000 bytes of job data. */
    public static final class SmallByteBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("balancer.workers", "1", "balancer.queue.max-bytes", "20000");
        }
    }

    private static Response post(String model, int textBytes) {
        String body = "{\"model\": \"" + model + "\", \"data\": {\"processMs\": 0, \"text\": \"" + "x".repeat(textBytes) + "\"}}";
        return RestAssured.given().contentType(ContentType.JSON).body(body).when().post("/jobs?wait=false");
    }

    @Test
    void submit_overTheByteBudget_returns429_andTheBytesComeBackWhenJobsEnd() {
        Api.awaitIdle();
        String model = Api.model("bytes");
        String running = Api.submitAsync(model, Api.HOLD_MS);  // holds the worker; tiny data
        String big = post(model, 12_000).then().statusCode(202).extract().jsonPath().getString("id");

        Response refused = post(model, 12_000);

        JsonPath problem = assertProblem(refused, 429);
        assertThat(problem.getString("detail")).contains("balancer.queue.max-bytes (20000)");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(RestAssured.get("/q/metrics").asString())
                .contains("balancer_jobs_refused_total{reason=\"queue_full\"} 1.0");
        Api.awaitFinal(running);
        assertThat(Api.awaitFinal(big).getString("status")).isEqualTo("DONE");
        post(model, 12_000).then().statusCode(202);
    }

    @Test
    void submit_bodyOverTheWholeByteBudget_returns413_withoutRetryAfter() {
        Response refused = post(Api.model("huge"), 25_000);

        JsonPath problem = assertProblem(refused, 413);
        assertThat(problem.getString("detail")).contains("balancer.queue.max-bytes (20000)", "can never be queued");
        assertThat(refused.header("Retry-After")).isNull();
        assertThat(RestAssured.get("/q/metrics").asString())
                .contains("balancer_jobs_refused_total{reason=\"too_large\"} 1.0");
    }
}
