package io.smartlb.backend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The service in front of two real HTTP model servers on 127.0.0.1 (balancer.backend=http). */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstreams.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class HttpBackendServiceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static List<FakeModelServer> servers() {
        return FakeUpstreams.servers;
    }

    @Test
    @Order(1)
    void submit_returnsUpstreamJsonAsResult() {
        given().contentType(ContentType.JSON).body("{\"model\":\"tts-a\",\"data\":{\"text\":\"hi\"}}")
                .when().post("/jobs")
                .then().statusCode(200)
                .body("status", equalTo("DONE"))
                .body("result.model", equalTo("tts-a"))
                .body("result.echo.text", equalTo("hi"));
    }

    @Test
    @Order(2)
    void submit_manyJobsOverTwoModels_loadsFarBelowJobs() {
        int loadsBefore = servers().stream().mapToInt(FakeModelServer::loads).sum();
        int servedBefore = servers().stream().mapToInt(s -> s.served().size()).sum();
        List<String> ids = new ArrayList<>();
        // one job per model holds both servers at their gates while the other 28 queue behind them
        for (int i = 0; i < 30; i++) {
            String data = i < 2 ? ",\"data\":{\"gate\":true}" : "";
            ids.add(given().contentType(ContentType.JSON).body("{\"model\":\"asr-" + (i % 2) + "\"" + data + "}")
                    .when().post("/jobs?wait=false").then().statusCode(202).extract().path("id"));
        }
        await().atMost(TIMEOUT).until(() -> servers().stream().mapToInt(s -> s.served().size()).sum() == servedBefore + 2);
        servers().forEach(FakeModelServer::openGate);
        for (String id : ids) {
            await().atMost(TIMEOUT).until(() -> "DONE".equals(given().get("/jobs/" + id).path("status")));
        }
        int loads = servers().stream().mapToInt(FakeModelServer::loads).sum() - loadsBefore;
        int served = servers().stream().mapToInt(s -> s.served().size()).sum() - servedBefore;
        assertThat(served).isEqualTo(30);
        // in arrival order every job would switch; grouped, each server loads its model once, and
        // affinity lets a server that runs dry take the other model's last jobs: when both run dry
        // at about the same time (a loaded machine), each does so once
        assertThat(loads).as("served: %s / %s", servers().get(0).served(), servers().get(1).served())
                .isBetween(2, 4);
    }

    @Test
    @Order(3)
    void forward_binaryBodyAndContentTypeUnchanged() {
        byte[] audio = new byte[1024];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (i * 7);
        }
        // RestAssured would add a charset to the content type; send it exactly as an audio client would
        Response response = given().config(RestAssured.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("X-Model", "tts-b").contentType("audio/wav").body(audio)
                .when().post("/forward/echo-bytes");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("audio/wav");
        assertThat(response.asByteArray()).isEqualTo(audio);
    }

    @Test
    @Order(4)
    void forward_modelFromQuery_andCountsAsAJob() {
        given().queryParam("model", "tts-c").contentType(ContentType.JSON).body("{\"x\":1}")
                .when().post("/forward/anything")
                .then().statusCode(200)
                .body("model", equalTo("tts-c"))
                .body("echo.x", equalTo(1));
    }

    @Test
    @Order(4)
    void forward_encodedPathAndQuery_reachTheUpstreamAsWritten() {
        String seen = given().urlEncodingEnabled(false).header("X-Model", "tts-c")
                .when().get("/forward/echo-uri/a%20b/c%2Fd?x=1&flag&model=kept")
                .then().statusCode(200).extract().asString();

        assertThat(seen).isEqualTo("/echo-uri/a%20b/c%2Fd?x=1&flag&model=kept");
        String withModel = given().urlEncodingEnabled(false)
                .when().get("/forward/echo-uri/p?x=%2B1&model=tts-c&y")
                .then().statusCode(200).extract().asString();
        assertThat(withModel).as("the model, taken from the query, is not passed on").isEqualTo("/echo-uri/p?x=%2B1&y");
    }

    @Test
    @Order(4)
    void forward_pathWithASemicolon_reachesTheUpstreamAsWritten() {
        // JAX-RS reads ;x=1 as a matrix parameter: it cut it and decoded the rest of the path
        String seen = given().urlEncodingEnabled(false).header("X-Model", "tts-c")
                .when().get("/forward/echo-uri/v1/a%2Fb;x=1/echo")
                .then().statusCode(200).extract().asString();
        assertThat(seen).isEqualTo("/echo-uri/v1/a%2Fb;x=1/echo");
        String question = given().urlEncodingEnabled(false).header("X-Model", "tts-c")
                .when().get("/forward/echo-uri/%3Fq;x=1")
                .then().statusCode(200).extract().asString();
        assertThat(question).as("an encoded '?' stays in the path").isEqualTo("/echo-uri/%3Fq;x=1");
    }

    @Test
    @Order(4)
    void forward_http10WithoutAHost_isPassedThrough() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);  // a bound on the test, not a wait for an outcome
            socket.getOutputStream().write("GET /forward/echo-uri/p?model=tts-c&y HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.0 200").endsWith("\r\n\r\n/echo-uri/p?y");
        }
    }

    @Test
    @Order(4)
    void forward_endToEndHeaders_passBothWays() {
        Response response = given().header("X-Model", "tts-c").header("Authorization", "Bearer t0k3n")
                .when().get("/forward/headers");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/made/1");
        assertThat(response.header("X-Echo-Authorization")).isEqualTo("Bearer t0k3n");
        assertThat(response.header("X-Echo-Model")).as("the model header once, as the backend sets it").isEqualTo("tts-c");
        assertThat(response.asString()).isEqualTo("made");
    }

    @Test
    @Order(4)
    void forward_noContent_answers204WithoutABodyOrAType() {
        Response response = given().header("X-Model", "tts-c").when().delete("/forward/empty");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.header("Content-Type")).isNull();
        assertThat(response.asByteArray()).isEmpty();
    }

    @Test
    @Order(5)
    void forward_withoutModel_is400() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/forward/anything")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("model"))
                .body("detail", equalTo("model: is required: send it in the X-Model header or as ?model="));
    }

    @Test
    @Order(5)
    void forward_modelTwiceInTheQuery_is400() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/forward/anything?model=tts-a&model=tts-b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("model"))
                .body("detail", equalTo("model: given 2 times; send it once"));
    }

    @Test
    @Order(6)
    void submit_upstreamError_is502WithStatusAndBodyStart() {
        given().contentType(ContentType.JSON).body("{\"model\":\"tts-a\",\"data\":{\"explode\":true}}")
                .when().post("/jobs")
                .then().statusCode(502).contentType("application/problem+json")
                .body("jobStatus", equalTo("FAILED"))
                .body("detail", org.hamcrest.Matchers.containsString("answered 500: model server exploded"));
    }

    @Test
    @Order(7)
    void killedUpstream_jobsAnsweredByTheOther_workerDownThenBackEmpty() throws Exception {
        FakeModelServer dead = servers().get(0);
        dead.close();
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(given().contentType(ContentType.JSON).body("{\"model\":\"tts-" + (i % 2) + "\"}")
                    .when().post("/jobs"));
        }
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.<String>path("result.server")).isEqualTo("gpu-1");
        });
        await().atMost(TIMEOUT).untilAsserted(() ->
                given().get("/workers").then().body("[0].state", equalTo("DOWN")).body("[0].model", equalTo(null)));
        given().get("/q/health/ready").then().body("checks.find { it.name == 'balancer' }.data.'worker-0'", equalTo("down"));
        // a job's refused connection took it out, or its probe since: either says why
        given().get("/workers").then().body("[0].downReason", anyOf(
                startsWith("a job's connection failed: upstream " + dead.url() + "/ refused the connection"),
                equalTo("its health probe failed: upstream " + dead.url() + "/health refused the connection")));
        dead.start();
        await().atMost(TIMEOUT).untilAsserted(() ->
                given().get("/workers").then().body("[0].state", equalTo("IDLE")).body("[0].model", equalTo(null)));
        assertThat(given().get("/workers").<Map<String, Object>>path("[0]")).doesNotContainKey("downReason");
    }

    @Test
    @Order(8)
    void upstreamFailingEveryJob_isEjectedForTheEjectTime_andTheOtherTakesTheJobs() {
        await().atMost(TIMEOUT).untilAsserted(() -> given().get("/workers").then().body("state", everyItem(equalTo("IDLE"))));
        for (int i = 0; i < 5; i++) {  // a 500 is one request's fault: it does not count
            given().contentType(ContentType.JSON).body("{\"model\":\"tts-x\",\"data\":{\"explode\":true}}")
                    .when().post("/jobs").then().statusCode(502);
        }
        assertThat(given().get("/workers").<List<String>>path("state")).doesNotContain("DOWN");
        for (int i = 0; i < 5; i++) {  // eject-after 5; it passes its probes, and each job fails at once
            given().contentType(ContentType.JSON).body("{\"model\":\"tts-x\",\"data\":{\"overloaded\":true}}")
                    .when().post("/jobs").then().statusCode(502);
        }
        List<String> states = given().get("/workers").path("state");
        assertThat(states).containsOnlyOnce("DOWN");
        assertThat(given().get("/q/metrics").asString()).contains("balancer_upstream_ejections_total 1.0");
        int ejected = states.indexOf("DOWN");
        given().get("/workers").then().body("[" + ejected + "].downReason",
                equalTo("ejected: its upstream failed 5 jobs in a row as a gateway does"));
        for (int i = 0; i < 4; i++) {
            given().contentType(ContentType.JSON).body("{\"model\":\"tts-" + (i % 2) + "\"}").when().post("/jobs")
                    .then().statusCode(200).body("result.server", equalTo("gpu-" + (1 - ejected)));
        }
        // its probes pass every second, but it stays out for the eject time, then comes back empty
        await().during(Duration.ofSeconds(FakeUpstreams.EJECT_SECONDS / 2)).atMost(TIMEOUT)
                .until(() -> given().get("/workers").path("[" + ejected + "].state"), equalTo("DOWN"));
        await().atMost(TIMEOUT).untilAsserted(() ->
                given().get("/workers").then().body("[" + ejected + "].state", equalTo("IDLE"))
                        .body("[" + ejected + "].model", equalTo(null)));
    }
}
