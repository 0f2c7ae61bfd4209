package io.smartlb.api;

import static io.smartlb.api.Api.time;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** The seed's scenarios over HTTP, with the default strategy (affinity) on one worker. */
@QuarkusTest
@TestProfile(OneWorkerProfile.class)
class SeedScenarioTest {

    @Test
    void affinity_oliaOlia1OliaOlia_runsTheOliaJobsFirstAndOlia1Last() {
        Api.awaitIdle();
        String olia = Api.model("olia");
        String olia1 = olia + "1";
        // the first olia job holds the worker while the other three queue behind it
        String first = Api.submitAsync(olia, Api.HOLD_MS);
        String other = Api.submitAsync(olia1, 1);
        String second = Api.submitAsync(olia, 1);
        String third = Api.submitAsync(olia, 1);
        assertThat(Api.queue().getInt("size")).as("three jobs wait behind the first").isEqualTo(3);

        JsonPath last = Api.awaitFinal(other);
        JsonPath a = Api.job(first);
        JsonPath b = Api.job(second);
        JsonPath c = Api.job(third);

        // worker 0 keeps olia for the three olia jobs, then switches once to olia1
        assertThat(new JsonPath[] {a, b, c, last}).allSatisfy(job -> {
            assertThat(job.getString("status")).isEqualTo("DONE");
            assertThat(job.getInt("worker")).isZero();
        });
        assertThat(a.getBoolean("modelLoaded")).isTrue();
        assertThat(b.getBoolean("modelLoaded")).isFalse();
        assertThat(c.getBoolean("modelLoaded")).isFalse();
        assertThat(last.getBoolean("modelLoaded")).isTrue();
        assertThat(time(b, "startedAt")).isAfterOrEqualTo(time(a, "finishedAt"));
        assertThat(time(c, "startedAt")).isAfterOrEqualTo(time(b, "finishedAt"));
        assertThat(time(last, "startedAt")).isAfterOrEqualTo(time(c, "finishedAt"));
    }

    @Test
    void affinity_seedExample_loadsTwice() {
        // m1 m2 m1 m2 m1 m2, m1 held first: affinity runs m1 m1 m1 m2 m2 m2 -> 2 loads
        assertThat(SeedExample.loads()).isEqualTo(2);
    }
}
