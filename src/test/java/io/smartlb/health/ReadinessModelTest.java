package io.smartlb.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

// its own application with one worker: no other test has loaded a model in it, and the job lands on worker 0
@QuarkusTest
@TestProfile(ReadinessModelTest.OneWorker.class)
final class ReadinessModelTest {

    private static final String BALANCER = "checks.find{it.name=='balancer'}";

    @Test
    void ready_afterJob_showsTheModelItsWorkerHolds() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body(BALANCER + ".data.'worker-0'", equalTo("none"))
                .body(BALANCER + ".data.'worker-1'", nullValue());

        given().contentType(ContentType.JSON).body("{\"model\":\"m1\"}")
                .when().post("/jobs")
                .then().statusCode(200);

        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body(BALANCER + ".status", equalTo("UP"))
                .body(BALANCER + ".data.'worker-0'", equalTo("m1"))
                .body(BALANCER + ".data.queued", equalTo(0));
    }

    /** One worker, in an application of its own. */
    public static final class OneWorker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("balancer.workers", "1");
        }
    }
}
