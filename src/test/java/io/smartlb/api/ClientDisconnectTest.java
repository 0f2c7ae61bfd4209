package io.smartlb.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that hangs up while waiting (design.md section 5): a queued job is cancelled, unless it has
 * an idempotency key (its client may retry with it); a running one goes on and keeps its result.
 */
@QuarkusTest
@TestProfile(OneWorkerProfile.class)
class ClientDisconnectTest {

    @BeforeEach
    void quietBalancer() {
        Api.awaitIdle();
    }

    private static String json(String model, int processMs) {
        return "{\"model\": \"" + model + "\", \"data\": {\"loadMs\": " + Api.LOAD_MS + ", \"processMs\": " + processMs + "}}";
    }

    @Test
    void disconnect_whileTheJobIsQueued_cancelsIt() throws IOException {
        String blocker = Api.submitAsync(Api.model("hold"), 2_000);
        String model = Api.model("gone");
        double cancelledBefore = cancelled();
        try (RawHttp http = RawHttp.connect()) {
            http.postJson("/jobs", json(model, 1), null);
            await().atMost(Api.PATIENCE).until(() -> Api.waiting(model) == 1);
        }

        await().atMost(Api.PATIENCE).until(() -> cancelled() == cancelledBefore + 1);
        assertThat(Api.waiting(model)).isZero();
        assertThat(Api.awaitFinal(blocker).getString("status")).isEqualTo("DONE");
    }

    @Test
    void disconnect_ofAJobWithAKey_keepsItQueued_forARetryWithTheKey() throws IOException {
        String blocker = Api.submitAsync(Api.model("hold"), 1_000);
        String model = Api.model("retried");
        String key = UUID.randomUUID().toString();
        try (RawHttp http = RawHttp.connect()) {
            http.postJson("/jobs", json(model, 1), key);
            await().atMost(Api.PATIENCE).until(() -> Api.waiting(model) == 1);
        }

        // the retry, with the same key and request, gets the job that stayed queued
        var retry = Api.submitAndWait(Map.of("model", model, "data", Map.of("loadMs", Api.LOAD_MS, "processMs", 1)), key);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.jsonPath().getString("status")).isEqualTo("DONE");
        assertThat(Api.awaitFinal(blocker).getString("status")).isEqualTo("DONE");
    }

    private static double cancelled() {
        String metrics = given().get("/q/metrics").asString();
        return metrics.lines().filter(l -> l.startsWith("balancer_jobs_finished_total{outcome=\"cancelled\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void disconnect_whileTheJobRuns_letsItFinishWithItsResult() throws IOException {
        String model = Api.model("kept");
        String id;
        try (RawHttp http = RawHttp.connect()) {
            http.postJson("/jobs", json(model, 500), UUID.randomUUID().toString());
            await().atMost(Api.PATIENCE).until(() -> runningJob(model) != null);
            id = runningJob(model);
        }

        JsonPath done = Api.awaitFinal(id);
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getString("result.model")).isEqualTo(model);
    }

    // the id of the job a busy worker runs for this model, or null
    private static String runningJob(String model) {
        return given().get("/workers").jsonPath()
                .getString("find { it.state == 'BUSY' && it.model == '" + model + "' }.jobId");
    }
}
