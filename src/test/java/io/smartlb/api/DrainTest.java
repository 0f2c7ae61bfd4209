package io.smartlb.api;

import static io.restassured.RestAssured.given;
import static io.smartlb.api.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smartlb.service.BalancerService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Draining (design.md sections 5 and 7): new jobs get 503 with {@code Retry-After}, readiness goes
 * DOWN, and the jobs already queued still run. Draining shuts the balancer down for good, so this
 * profile belongs to this one test.
 */
@QuarkusTest
@TestProfile(DrainTest.Draining.class)
final class DrainTest {

    /** One worker; a profile of its own, since the balancer stays shut after the test. */
    public static final class Draining implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("balancer.workers", "1", "balancer.shutdown.drain-timeout", "10s");
        }
    }

    @Inject
    BalancerService service;

    @Test
    void drain_refusesNewJobsWith503_turnsReadinessDown_andFinishesQueuedJobs() throws Exception {
        String model = Api.model("drain");
        List<String> jobs = List.of(
                Api.submitAsync(model, 500), Api.submitAsync(model, 1), Api.submitAsync(Api.model("other"), 1));

        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(service::drain);
        await().atMost(Api.PATIENCE).until(service::draining);

        Response refused = given().contentType(ContentType.JSON).body(Api.job(model, 1)).when().post("/jobs?wait=false");
        assertProblem(refused, 503);
        assertThat(refused.header("Retry-After")).isNotBlank().containsOnlyDigits();
        JsonPath readiness = given().when().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
        assertThat(readiness.getString("status")).isEqualTo("DOWN");
        assertThat(readiness.getString("checks.find { it.name == 'balancer' }.status")).isEqualTo("DOWN");

        assertThat(drained.get(20, TimeUnit.SECONDS)).as("drained within the timeout").isTrue();
        assertThat(jobs).allSatisfy(id -> assertThat(Api.job(id).getString("status")).isEqualTo("DONE"));
    }
}
