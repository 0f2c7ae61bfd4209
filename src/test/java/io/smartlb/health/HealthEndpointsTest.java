package io.smartlb.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
final class HealthEndpointsTest {

    private static final String BALANCER = "checks.find{it.name=='balancer'}";
    private static final String WORKERS = "checks.find{it.name=='balancer-workers'}";

    @Test
    void ready_servingService_isUpWithStrategyQueueAndWorkers() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(BALANCER + ".status", equalTo("UP"))
                .body(BALANCER + ".data.strategy", equalTo("affinity"))
                .body(BALANCER + ".data.queued", greaterThanOrEqualTo(0))
                .body(BALANCER + ".data.'worker-0'", notNullValue())
                .body(BALANCER + ".data.'worker-1'", notNullValue());
    }

    @Test
    void live_workerLoopsRunning_isUp() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(WORKERS + ".status", equalTo("UP"))
                .body(WORKERS + ".data.deadWorkerLoops", equalTo(0));
    }
}
