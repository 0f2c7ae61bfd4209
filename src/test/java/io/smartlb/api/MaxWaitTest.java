package io.smartlb.api;

import static io.smartlb.api.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A job that waits past {@code balancer.queue.max-wait} ends EXPIRED, and its client gets 504. */
@QuarkusTest
@TestProfile(MaxWaitTest.ShortWait.class)
class MaxWaitTest {

    /** One worker; a job may wait one second (housekeeping looks every second). */
    public static final class ShortWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("balancer.workers", "1", "balancer.queue.max-wait", "1s", "balancer.housekeeping-interval", "1s");
        }
    }

    @Test
    void submit_waitingPastMaxWait_returns504AndTheJobExpires() {
        Api.awaitIdle();
        // the blocker outlasts max-wait plus a housekeeping interval (2 s) with room for a slow
        // machine: with 3 s, a CI run on a loaded machine answered the 504 after it had ended
        String blocker = Api.submitAsync(Api.model("hold"), 8_000);
        String model = Api.model("late");

        // answered within max-wait plus one housekeeping interval, well before the blocker ends
        JsonPath problem = assertProblem(Api.submitAndWait(Api.job(model, 1)), 504);

        assertThat(problem.getString("jobStatus")).isEqualTo("EXPIRED");
        assertThat(problem.getString("model")).isEqualTo(model);
        assertThat(problem.getLong("waitMs")).isGreaterThanOrEqualTo(1_000);
        JsonPath expired = Api.job(problem.getString("id"));
        assertThat(expired.getString("status")).isEqualTo("EXPIRED");
        assertThat(expired.getString("worker")).isNull();
        assertThat(expired.getString("startedAt")).isNull();
        assertThat(Api.status(blocker)).isEqualTo("RUNNING");
        Api.awaitFinal(blocker);
    }
}
