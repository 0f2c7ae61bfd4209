package io.smartlb.api;

import static io.restassured.RestAssured.given;
import static io.smartlb.api.Api.HOLD_MS;
import static io.smartlb.api.Api.assertProblem;
import static io.smartlb.api.Api.time;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /jobs}: submit, read, cancel, idempotency (design.md section 5). Two workers, as configured. */
@QuarkusTest
class JobResourceTest {

    @BeforeEach
    void quietBalancer() {
        Api.awaitIdle();
    }

    @Test
    void submit_waiting_returns200WithTheDoneView() {
        String model = Api.model("sync");

        Response response = Api.submitAndWait(Api.job(model, 5));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonPath view = response.jsonPath();
        assertThat(view.getString("status")).isEqualTo("DONE");
        assertThat(view.getString("model")).isEqualTo(model);
        assertThat(view.getInt("worker")).isBetween(0, 1);
        assertThat(view.getBoolean("modelLoaded")).isTrue();  // a model no worker held
        assertThat(view.getString("result.model")).isEqualTo(model);
        assertThat(view.getInt("result.data.processMs")).isEqualTo(5);
        assertThat(view.getString("error")).isNull();
        // the load (50 ms) and the job (5 ms) both count as processing
        assertThat(view.getLong("processingMs")).isGreaterThanOrEqualTo(Api.LOAD_MS + 5);
        assertThat(time(view, "submittedAt")).isBeforeOrEqualTo(time(view, "startedAt"));
        assertThat(time(view, "startedAt")).isBeforeOrEqualTo(time(view, "finishedAt"));
    }

    @Test
    void submit_numbersInData_keepEveryDigit() {
        // the simulated backend answers the data it was given: nothing on the way rounds a number
        String body = "{\"model\":\"" + Api.model("digits") + "\",\"data\":{\"loadMs\":" + Api.LOAD_MS
                + ",\"processMs\":1,\"pi\":3.14159265358979323846264338327950288,\"huge\":1e999,\"tiny\":1e-400}}";

        Response response = given().config(Api.PATIENT_CLIENT).contentType(ContentType.JSON).body(body)
                .when().post("/jobs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asString()).contains("\"pi\":3.14159265358979323846264338327950288",
                "\"huge\":1E+999", "\"tiny\":1E-400");
    }

    @Test
    void submit_notWaiting_returns202WithLocation_andTheJobEndsDone() {
        String model = Api.model("async");

        Response accepted = given().contentType(ContentType.JSON).body(Api.job(model, 5))
                .when().post("/jobs?wait=false");

        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = accepted.jsonPath().getString("id");
        assertThat(accepted.header("Location")).isEqualTo("/jobs/" + id);  // relative, as design.md gives it
        assertThat(accepted.jsonPath().getString("status")).isIn("QUEUED", "RUNNING", "DONE");
        assertThat(accepted.jsonPath().getString("submittedAt")).matches(Api.ISO_MILLIS);

        JsonPath done = Api.awaitFinal(id);
        assertThat(done.getString("id")).isEqualTo(id);
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getDouble("priority")).isZero();
        assertThat(done.getString("result.model")).isEqualTo(model);
        assertThat(done.getLong("waitMs")).isNotNegative();
        assertThat(done.getLong("processingMs")).isGreaterThanOrEqualTo(5);
        assertThat(time(done, "submittedAt")).isBeforeOrEqualTo(time(done, "startedAt"));
        assertThat(time(done, "finishedAt")).isAfterOrEqualTo(time(done, "startedAt"));
    }

    @Test
    void submit_failingJob_returns500WithTheJobsFields() {
        String model = Api.model("fails");
        Map<String, Object> data = Api.costs(Api.LOAD_MS, 1);
        data.put("fail", "out of memory");

        Response response = Api.submitAndWait(Map.of("model", model, "data", data));

        JsonPath problem = assertProblem(response, 500);
        assertThat(problem.getString("jobStatus")).isEqualTo("FAILED");
        assertThat(problem.getString("error")).isEqualTo("out of memory");
        assertThat(problem.getString("model")).isEqualTo(model);
        JsonPath view = Api.job(problem.getString("id"));
        assertThat(view.getString("status")).isEqualTo("FAILED");
        assertThat(view.getString("error")).isEqualTo("out of memory");
        assertThat(view.getString("result")).isNull();
        // the job's fields are written as in its view: the priority 0.0, not 0
        assertThat(response.asString()).contains("\"priority\":0.0");
        assertThat(given().get("/jobs/" + problem.getString("id")).asString()).contains("\"priority\":0.0");
    }

    @Test
    void submit_priority_isKeptInTheView() {
        JsonPath view = Api.submitAsync(Map.of("model", Api.model("prio"), "priority", 2.5, "data", Api.costs(1, 1)));

        assertThat(view.getDouble("priority")).isEqualTo(2.5);
        Api.awaitFinal(view.getString("id"));
    }

    @Test
    void delete_queuedJob_returns200Cancelled_andItsWaitingClientGets409() {
        // both workers busy, so the third job waits
        String first = Api.submitAsync(Api.model("hold"), HOLD_MS);
        String second = Api.submitAsync(Api.model("hold"), HOLD_MS);
        Map<String, Object> body = Api.job(Api.model("victim"), 1);
        String key = UUID.randomUUID().toString();
        CompletableFuture<Response> waitingClient = CompletableFuture.supplyAsync(() -> Api.submitAndWait(body, key));
        // the same key names the same job, whichever request arrives first
        String id = Api.submitAsync(body, key).getString("id");

        Response cancelled = given().when().delete("/jobs/{id}", id);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.jsonPath().getString("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.jsonPath().getString("worker")).isNull();
        assertThat(cancelled.jsonPath().getString("error")).isEqualTo("cancelled by DELETE /jobs/" + id);
        JsonPath problem = assertProblem(waitingClient.join(), 409);
        assertThat(problem.getString("jobStatus")).isEqualTo("CANCELLED");
        assertThat(problem.getString("id")).isEqualTo(id);
        assertThat(Api.job(id).getString("status")).isEqualTo("CANCELLED");
        Api.awaitFinal(first);
        Api.awaitFinal(second);
    }

    @Test
    void delete_runningJob_returns409() {
        String id = Api.submitAsync(Api.model("running"), HOLD_MS);
        Api.awaitRunning(id);

        JsonPath problem = assertProblem(given().when().delete("/jobs/{id}", id), 409);

        assertThat(problem.getString("jobStatus")).isEqualTo("RUNNING");
        assertThat(Api.awaitFinal(id).getString("status")).isEqualTo("DONE");
    }

    @Test
    void delete_finishedJob_returns409() {
        String id = Api.submitAndWait(Api.job(Api.model("finished"), 1)).jsonPath().getString("id");

        JsonPath problem = assertProblem(given().when().delete("/jobs/{id}", id), 409);

        assertThat(problem.getString("jobStatus")).isEqualTo("DONE");
    }

    @Test
    void submitAndWait_answersOnceTheWorkersCountTheJob() {
        Api.awaitIdle();
        for (int i = 0; i < 20; i++) {
            long before = Api.workersTotal("completed");
            assertThat(Api.submitAndWait(Api.job(Api.model("counted"), 0)).statusCode()).isEqualTo(200);
            assertThat(Api.workersTotal("completed")).isGreaterThan(before);
        }
    }

    @Test
    void submit_sameIdempotencyKeyTwice_returnsTheSameJob_andRunsItOnce() {
        long completedBefore = Api.workersTotal("completed");
        Map<String, Object> body = Api.job(Api.model("once"), 1);
        String key = UUID.randomUUID().toString();

        String firstId = Api.submitAsync(body, key).getString("id");
        String retryId = Api.submitAsync(body, key).getString("id");

        assertThat(retryId).isEqualTo(firstId);
        assertThat(Api.awaitFinal(firstId).getString("status")).isEqualTo("DONE");
        Api.awaitIdle();
        assertThat(Api.workersTotal("completed")).isEqualTo(completedBefore + 1);
    }

    @Test
    void submit_idempotencyKeyGivenTwice_returns400_andQueuesNothing() {
        Response twice = given().contentType(ContentType.JSON).header("Idempotency-Key", "a").header("Idempotency-Key", "b")
                .body(Api.job(Api.model("twice"), 1)).when().post("/jobs?wait=false");

        assertGivenTwice(twice, "Idempotency-Key");
    }

    @Test
    void submit_waitGivenTwice_returns400_andQueuesNothing() {
        Response twice = given().contentType(ContentType.JSON).body(Api.job(Api.model("twice"), 1))
                .when().post("/jobs?wait=false&wait=true");

        assertGivenTwice(twice, "wait");
    }

    // which of the two counts would be a guess
    private static void assertGivenTwice(Response response, String field) {
        JsonPath problem = assertProblem(response, 400);
        assertThat(problem.getString("field")).isEqualTo(field);
        assertThat(problem.getString("detail")).isEqualTo(field + ": given 2 times; send it once");
        assertThat(Api.queue().getInt("size")).isZero();
    }

    @Test
    void submit_sameIdempotencyKeyForAnotherRequest_returns422NamingTheFirstJob_andQueuesNothing() {
        String model = Api.model("reused");
        String key = UUID.randomUUID().toString();
        String firstId = Api.submitAsync(Api.job(model, 1), key).getString("id");
        assertThat(Api.awaitFinal(firstId).getString("status")).isEqualTo("DONE");
        Api.awaitIdle();
        long completedBefore = Api.workersTotal("completed");

        Response other = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Api.job(model, 2)).when().post("/jobs?wait=false");

        JsonPath problem = assertProblem(other, 422);
        assertThat(problem.getString("field")).isEqualTo("Idempotency-Key");
        assertThat(problem.getString("jobId")).isEqualTo(firstId);
        assertThat(Api.queue().getInt("size")).isZero();
        Api.awaitIdle();
        assertThat(Api.workersTotal("completed")).isEqualTo(completedBefore);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"model\":\"m1\"}                 | {\"model\":\"m1\",\"data\":null}",
        "{\"model\":\"m1\",\"data\":1}      | {\"model\":\"m1\",\"data\":1.0}",
    })
    void submit_sameIdempotencyKey_dataTheUpstreamWouldGetDifferently_returns422(String first, String retry) {
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(first)
                .when().post("/jobs?wait=false").then().statusCode(202);

        Response other = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(retry)
                .when().post("/jobs?wait=false");

        assertProblem(other, 422);
    }

    @Test
    void submit_sameIdempotencyKey_sameDataInOtherKeyOrderOrEscapes_returnsTheSameJob() {
        String key = UUID.randomUUID().toString();
        String firstId = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"model\":\"m1\",\"data\":{\"a\":\"A\",\"b\":2},\"priority\":0}")
                .when().post("/jobs?wait=false").then().statusCode(202).extract().path("id");

        String retryId = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"priority\":0.0,\"data\":{\"b\":2,\"a\":\"\\u0041\"},\"model\":\"m1\"}")
                .when().post("/jobs?wait=false").then().statusCode(202).extract().path("id");

        assertThat(retryId).isEqualTo(firstId);
    }

    @Test
    void submit_sameIdempotencyKeyAfterTheJobEnded_returnsItsResult() {
        Map<String, Object> body = Api.job(Api.model("retry"), 1);
        String key = UUID.randomUUID().toString();
        JsonPath first = Api.submitAndWait(body, key).jsonPath();

        Response retry = Api.submitAndWait(body, key);

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.jsonPath().getString("id")).isEqualTo(first.getString("id"));
        assertThat(retry.jsonPath().getString("result.model")).isEqualTo(first.getString("result.model"));
    }

    @Test
    void get_endedJob_answersTheBytesItsWaitingClientGot() {
        Response answer = Api.submitAndWait(Api.job(Api.model("bytes"), 1));
        assertThat(answer.statusCode()).isEqualTo(200);

        // the waiting client's answer comes from the live job, a later read from the record kept for it
        String read = given().when().get("/jobs/{id}", answer.jsonPath().getString("id"))
                .then().statusCode(200).extract().asString();

        assertThat(read).isEqualTo(answer.asString());
    }

    @Test
    void submit_sameIdempotencyKeyAfterTheJobEnded_answersTheBytesAReadGets() {
        Map<String, Object> body = Api.job(Api.model("retry-bytes"), 1);
        String key = UUID.randomUUID().toString();
        String id = Api.submitAndWait(body, key).jsonPath().getString("id");

        Response retry = Api.submitAndWait(body, key);

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(given().when().get("/jobs/{id}", id).then().statusCode(200).extract().asString())
                .isEqualTo(retry.asString());
    }
}
