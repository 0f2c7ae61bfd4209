package io.smartlb.api;

import static io.smartlb.api.Api.time;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A strategy bean of the user's own is chosen by its identifier (design.md section 6). */
@QuarkusTest
@TestProfile(CustomStrategyTest.Newest.class)
final class CustomStrategyTest {

    /** One worker, the test's own last-in-first-out strategy. */
    public static final class Newest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("balancer.workers", "1", "balancer.strategy", NewestFirst.NAME);
        }
    }

    @Test
    void customStrategy_namedInConfig_runsTheNewestJobFirst() {
        Api.awaitIdle();
        String first = Api.submitAsync(Api.model("hold"), Api.HOLD_MS);
        String a = Api.submitAsync(Api.model("a"), 1);
        String b = Api.submitAsync(Api.model("b"), 1);
        String c = Api.submitAsync(Api.model("c"), 1);
        assertThat(Api.queue().getInt("size")).as("three jobs wait behind the first").isEqualTo(3);

        JsonPath oldest = Api.awaitFinal(a);
        JsonPath middle = Api.awaitFinal(b);
        JsonPath newest = Api.awaitFinal(c);

        // submitted a, b, c; run c, b, a
        assertThat(time(newest, "startedAt")).isAfterOrEqualTo(time(Api.job(first), "finishedAt"));
        assertThat(time(middle, "startedAt")).isAfterOrEqualTo(time(newest, "finishedAt"));
        assertThat(time(oldest, "startedAt")).isAfterOrEqualTo(time(middle, "finishedAt"));
        assertThat(new JsonPath[] {oldest, middle, newest})
                .allSatisfy(job -> assertThat(job.getString("dispatch")).isEqualTo(NewestFirst.REASON));
    }
}
