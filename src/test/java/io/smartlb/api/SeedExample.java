package io.smartlb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * The seed's example over HTTP on one worker: {@code m1, m2, m1, m2, m1, m2}, all queued while the
 * first job holds the worker (design.md section 4: fifo 6 loads, affinity 2).
 */
final class SeedExample {

    private SeedExample() {
    }

    /** Runs the example on fresh models and returns how many loads it cost. */
    static long loads() {
        Api.awaitIdle();
        long before = Api.workersTotal("loads");
        String m1 = Api.model("m1");
        String m2 = Api.model("m2");
        String first = Api.submitAsync(m1, Api.HOLD_MS);
        List<String> rest = List.of(
                Api.submitAsync(m2, 1), Api.submitAsync(m1, 1), Api.submitAsync(m2, 1),
                Api.submitAsync(m1, 1), Api.submitAsync(m2, 1));
        assertThat(Api.status(first)).as("the first job still holds the worker").isIn("QUEUED", "RUNNING");
        assertThat(Api.queue().getInt("size")).as("the other five wait").isEqualTo(5);

        rest.forEach(id -> assertThat(Api.awaitFinal(id).getString("status")).isEqualTo("DONE"));
        Api.awaitIdle();
        return Api.workersTotal("loads") - before;
    }
}
