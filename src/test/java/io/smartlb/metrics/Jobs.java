package io.smartlb.metrics;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Submits jobs through the REST API. */
final class Jobs {

    private Jobs() {
    }

    /** Runs a job for {@code model} to its end and returns its view. */
    static JsonPath run(String model) {
        return given().contentType(ContentType.JSON).body("{\"model\":\"" + model + "\"}")
                .when().post("/jobs")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** Runs a job for {@code model} that fails, and returns its view. */
    static JsonPath runFailing(String model) {
        return given().contentType(ContentType.JSON).body("{\"model\":\"" + model + "\",\"data\":{\"fail\":\"x\"}}")
                .when().post("/jobs")
                .then().statusCode(500)
                .extract().jsonPath();
    }

    /** Queues a job for {@code model} that runs {@code processMs} and returns its id at once. */
    static String queue(String model, long processMs) {
        return given().contentType(ContentType.JSON)
                .body("{\"model\":\"" + model + "\",\"data\":{\"processMs\":" + processMs + "}}")
                .when().post("/jobs?wait=false")
                .then().statusCode(202)
                .extract().path("id");
    }

    /** Returns a job's status. */
    static String status(String id) {
        return given().when().get("/jobs/" + id).then().statusCode(200).extract().path("status");
    }
}
