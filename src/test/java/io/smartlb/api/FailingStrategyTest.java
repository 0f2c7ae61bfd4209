package io.smartlb.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.common.annotation.Identifier;
import io.smartlb.core.Decision;
import io.smartlb.core.Strategy;
import io.smartlb.core.Waiting;
import io.smartlb.core.WorkerView;
import io.smartlb.core.Workers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A strategy of the user's own that throws strands neither the job nor the worker. */
@QuarkusTest
@TestProfile(FailingStrategyTest.Failing.class)
final class FailingStrategyTest {

    static final String NAME = "test-failing";

    /** One worker, a strategy that always throws. */
    public static final class Failing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("balancer.workers", "1", "balancer.strategy", NAME);
        }
    }

    /** Throws on every decision. */
    @ApplicationScoped
    @Identifier(NAME)
    static class AlwaysThrows implements Strategy {
        @Override
        public Decision next(WorkerView worker, Waiting waiting, Workers workers, long nowNanos) {
            throw new IllegalStateException("a bug in the user's strategy");
        }
    }

    @Test
    void strategyThatThrows_theOldestJobRuns_andTheFailureIsCounted() {
        Api.awaitIdle();
        String first = Api.submitAsync(Api.model("hold"), Api.HOLD_MS);
        String second = Api.submitAsync(Api.model("b"), 1);

        JsonPath firstView = Api.awaitFinal(first);
        JsonPath secondView = Api.awaitFinal(second);

        assertThat(firstView.getString("status")).isEqualTo("DONE");
        assertThat(secondView.getString("status")).isEqualTo("DONE");
        assertThat(secondView.getString("dispatch"))
                .isEqualTo("oldest job: the strategy failed: a bug in the user's strategy");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher failures = Pattern.compile("(?m)^balancer_strategy_failures_total(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(failures.find()).as("balancer_strategy_failures_total in %s", metrics).isTrue();
        assertThat(Double.parseDouble(failures.group(1))).as("one failure per decision").isGreaterThanOrEqualTo(2);
    }
}
