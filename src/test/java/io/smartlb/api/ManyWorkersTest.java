package io.smartlb.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * More workers than Quarkus has worker threads: the worker loops have threads of their own, so the
 * service starts, and REST and health still answer (on the shared pool, 200 loops left them none).
 */
@QuarkusTest
@TestProfile(ManyWorkersTest.MoreWorkersThanPoolThreads.class)
class ManyWorkersTest {

    /** 16 workers beside a worker pool of 8 threads. */
    public static final class MoreWorkersThanPoolThreads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("balancer.workers", "16", "quarkus.thread-pool.max-threads", "8");
        }
    }

    @Test
    void liveness_answersUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void workers_listsEverySixteen_andAJobRuns() {
        given().when().get("/workers").then().statusCode(200).body("size()", equalTo(16));
        given().contentType("application/json").body("{\"model\": \"" + Api.model("many") + "\", \"data\": {}}")
                .when().post("/jobs?wait=true").then().statusCode(200).body("status", equalTo("DONE"));
    }
}
