package io.smartlb.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the REST tests share: submitting jobs, reading them back, waiting for outcomes, and the
 * workers' counters. Every job states its own costs ({@code loadMs}, {@code processMs}), so that a
 * test means the same under the {@code %test} profile and in the packaged jar ({@code *IT}).
 */
final class Api {

    /** A model load in these tests; short, so that grouping shows in milliseconds. */
    static final int LOAD_MS = 50;
    /** A job that holds its worker long enough for a test to queue more behind it. */
    static final int HOLD_MS = 1_000;
    static final String PROBLEM_JSON = "application/problem+json";
    static final Pattern ISO_MILLIS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final Set<String> FINAL = Set.of("DONE", "FAILED", "CANCELLED", "EXPIRED");

    // a waiting client is cut off well after any outcome a test expects, never before
    static final RestAssuredConfig PATIENT_CLIENT = RestAssuredConfig.config().httpClient(
            HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", 5_000)
                    .setParam("http.socket.timeout", 15_000));

    private Api() {
    }

    /** Returns a model name no other test uses, so that tests sharing an app stay independent. */
    static String model(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Returns job data with explicit costs. */
    static Map<String, Object> costs(int loadMs, int processMs) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("loadMs", loadMs);
        data.put("processMs", processMs);
        return data;
    }

    /** Returns a job body for {@code model} that loads in {@link #LOAD_MS} and runs in {@code processMs}. */
    static Map<String, Object> job(String model, int processMs) {
        return Map.of("model", model, "data", costs(LOAD_MS, processMs));
    }

    /** Submits with {@code ?wait=false}; returns the 202 answer's body. */
    static JsonPath submitAsync(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/jobs?wait=false")
                .then().statusCode(202)
                .extract().jsonPath();
    }

    /** Submits {@code model} with {@code ?wait=false}; returns the job's id. */
    static String submitAsync(String model, int processMs) {
        return submitAsync(job(model, processMs)).getString("id");
    }

    /** Submits with {@code ?wait=true} and returns the raw answer. */
    static Response submitAndWait(Map<String, Object> body) {
        return given().config(PATIENT_CLIENT).contentType(ContentType.JSON).body(body)
                .when().post("/jobs")
                .then().extract().response();
    }

    /** Submits with {@code ?wait=true} and an idempotency key, and returns the raw answer. */
    static Response submitAndWait(Map<String, Object> body, String idempotencyKey) {
        return given().config(PATIENT_CLIENT).contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(body).when().post("/jobs")
                .then().extract().response();
    }

    /** Submits with {@code ?wait=false} and an idempotency key; returns the 202 answer's body. */
    static JsonPath submitAsync(Map<String, Object> body, String idempotencyKey) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey).body(body)
                .when().post("/jobs?wait=false")
                .then().statusCode(202)
                .extract().jsonPath();
    }

    /** Returns {@code GET /jobs/{id}}, which must answer 200. */
    static JsonPath job(String id) {
        return given().when().get("/jobs/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    /** Returns the job's status. */
    static String status(String id) {
        return job(id).getString("status");
    }

    /** Waits until the job has ended and returns its view. */
    static JsonPath awaitFinal(String id) {
        await().atMost(PATIENCE).until(() -> FINAL.contains(status(id)));
        return job(id);
    }

    /** Waits until the job is running. */
    static void awaitRunning(String id) {
        await().atMost(PATIENCE).until(() -> "RUNNING".equals(status(id)));
    }

    /** Waits until no job waits and every worker is idle: a test starts from a quiet balancer. */
    static void awaitIdle() {
        await().atMost(PATIENCE).until(() -> given().get("/queue").jsonPath().getInt("size") == 0
                && given().get("/workers").jsonPath().getList("state").stream().allMatch("IDLE"::equals));
    }

    /** Returns {@code GET /queue}. */
    static JsonPath queue() {
        return given().when().get("/queue").then().statusCode(200).extract().jsonPath();
    }

    /** Returns how many jobs of {@code model} wait, from {@code GET /queue}. */
    static int waiting(String model) {
        List<Map<String, Object>> models = queue().getList("models");
        return models.stream().filter(m -> model.equals(m.get("model")))
                .mapToInt(m -> ((Number) m.get("waiting")).intValue()).sum();
    }

    /** Returns a counter ({@code completed}, {@code loads}, ...) summed over every worker. */
    static long workersTotal(String counter) {
        return given().when().get("/workers").then().statusCode(200).extract().jsonPath()
                .getList(counter, Long.class).stream().mapToLong(Long::longValue).sum();
    }

    /** Returns an ISO-8601 time of a job view. */
    static Instant time(JsonPath view, String field) {
        String text = view.getString(field);
        assertThat(text).as(field).matches(ISO_MILLIS);
        return Instant.parse(text);
    }

    /**
     * Checks that an answer is an {@code application/problem+json} body with {@code status},
     * {@code title} and {@code detail}, and no trace of a stack; returns the body.
     */
    static JsonPath assertProblem(Response response, int status) {
        assertThat(response.statusCode()).as("HTTP status of %s", response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        String text = response.asString();
        assertThat(text).doesNotContain("\tat ", "\n", "Exception", "io.smartlb.", "org.jboss.");
        JsonPath body = response.jsonPath();
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("title")).isNotBlank();
        assertThat(body.getString("detail")).isNotBlank();
        return body;
    }
}
