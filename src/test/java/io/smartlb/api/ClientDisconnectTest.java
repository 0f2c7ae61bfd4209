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
 * A client that hangs up while waiting (design.md section 5): a queued job is cancelled, a running
 * one goes on and keeps its result.
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
        String key = UUID.randomUUID().toString();
        String id;
        try (RawHttp http = RawHttp.connect()) {
            http.postJson("/jobs", json(model, 1), key);
            await().atMost(Api.PATIENCE).until(() -> Api.waiting(model) == 1);
            // the key, with the same request, names the waiting client's job
            id = Api.submitAsync(Map.of("model", model, "data", Map.of("loadMs", Api.LOAD_MS, "processMs", 1)), key)
                    .getString("id");
            assertThat(Api.status(id)).isEqualTo("QUEUED");
        }

        await().atMost(Api.PATIENCE).until(() -> "CANCELLED".equals(Api.status(id)));
        assertThat(Api.waiting(model)).isZero();
        assertThat(Api.awaitFinal(blocker).getString("status")).isEqualTo("DONE");
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
