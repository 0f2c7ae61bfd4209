package io.smartlb.backend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Readiness stays DOWN until an upstream has answered a health probe: a hung one never does. */
@QuarkusTest
@QuarkusTestResource(value = HungUpstream.class, restrictToAnnotatedClass = true)
final class HungUpstreamReadinessTest {

    @Test
    void ready_beforeAnyProbeAnswered_isDownAndSaysSo() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'balancer' }.data.probed", equalTo(false))
                .body("checks.find { it.name == 'balancer' }.data.'worker-0'", equalTo("none"));
    }
}
