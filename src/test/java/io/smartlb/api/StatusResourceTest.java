package io.smartlb.api;

import static io.restassured.RestAssured.given;
import static io.smartlb.api.Api.HOLD_MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /workers} and {@code GET /queue} (design.md section 5). Two workers, as configured. */
@QuarkusTest
class StatusResourceTest {

    @BeforeEach
    void quietBalancer() {
        Api.awaitIdle();
    }

    @Test
    void workers_listsEveryWorkerWithItsCounters() {
        List<Map<String, Object>> workers = given().when().get("/workers")
                .then().statusCode(200).contentType("application/json").extract().jsonPath().getList("$");

        assertThat(workers).hasSize(2);
        assertThat(workers).extracting(w -> w.get("id")).containsExactly(0, 1);
        assertThat(workers).allSatisfy(w -> assertThat(w).containsKeys(
                "id", "model", "state", "jobId", "completed", "failed", "loads", "completedSinceLoad"));
        assertThat(workers).extracting(w -> w.get("state")).containsOnly("IDLE");
    }

    @Test
    void workers_aJobOnANewModel_countsOneLoadAndOneCompletion() {
        long loads = Api.workersTotal("loads");
        long completed = Api.workersTotal("completed");
        String model = Api.model("count");

        int worker = Api.submitAndWait(Api.job(model, 1)).jsonPath().getInt("worker");

        Api.awaitIdle();
        assertThat(Api.workersTotal("loads")).isEqualTo(loads + 1);
        assertThat(Api.workersTotal("completed")).isEqualTo(completed + 1);
        JsonPath workers = given().get("/workers").jsonPath();
        assertThat(workers.getString("[" + worker + "].model")).isEqualTo(model);
        assertThat(workers.getLong("[" + worker + "].completedSinceLoad")).isEqualTo(1);
    }

    @Test
    void workers_aFailedJob_countsAFailure() {
        long failed = Api.workersTotal("failed");
        Map<String, Object> data = Api.costs(1, 1);
        data.put("fail", "boom");

        Api.submitAndWait(Map.of("model", Api.model("boom"), "data", data));

        Api.awaitIdle();
        assertThat(Api.workersTotal("failed")).isEqualTo(failed + 1);
    }

    @Test
    void workers_aBusyWorker_showsItsModelAndJob() {
        String model = Api.model("busy");
        String id = Api.submitAsync(model, HOLD_MS);
        Api.awaitRunning(id);

        List<Map<String, Object>> busy = given().get("/workers").jsonPath().getList("findAll { it.state == 'BUSY' }");

        assertThat(busy).singleElement().satisfies(w -> {
            assertThat(w.get("model")).isEqualTo(model);
            assertThat(w.get("jobId")).isEqualTo(id);
        });
        Api.awaitFinal(id);
    }

    @Test
    void queue_countsWaitingJobsPerModel() {
        String first = Api.submitAsync(Api.model("hold"), HOLD_MS);
        String second = Api.submitAsync(Api.model("hold"), HOLD_MS);
        String often = Api.model("often");
        String once = Api.model("once");
        List<String> queued = List.of(Api.submitAsync(often, 1), Api.submitAsync(often, 1), Api.submitAsync(once, 1));

        JsonPath queue = Api.queue();

        assertThat(queue.getInt("size")).isEqualTo(3);
        assertThat(queue.getInt("capacity")).isEqualTo(10_000);
        assertThat(Api.waiting(often)).isEqualTo(2);
        assertThat(Api.waiting(once)).isEqualTo(1);
        assertThat(queue.getList("models.oldestWaitMs", Long.class)).allSatisfy(ms -> assertThat(ms).isNotNegative());
        queued.forEach(id -> given().delete("/jobs/{id}", id).then().statusCode(200));
        assertThat(Api.queue().getInt("size")).isZero();
        Api.awaitFinal(first);
        Api.awaitFinal(second);
    }
}
