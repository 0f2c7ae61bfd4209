package io.smartlb.api;

import static io.restassured.RestAssured.given;
import static io.smartlb.api.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error answer is {@code application/problem+json} with status, title and detail (design.md section 5). */
@QuarkusTest
class ProblemResponsesTest {

    private static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/jobs?wait=false");
    }

    @Test
    void submit_invalidJson_returns400NamingBody() {
        JsonPath problem = assertProblem(post("{\"model\": "), 400);

        assertThat(problem.getString("field")).isEqualTo("body");
    }

    @Test
    void submit_emptyBody_returns400() {
        assertProblem(post(""), 400);
    }

    @Test
    void submit_missingModel_returns400NamingModel() {
        JsonPath problem = assertProblem(post("{\"data\": {\"text\": \"hi\"}}"), 400);

        assertThat(problem.getString("field")).isEqualTo("model");
        assertThat(problem.getString("detail")).contains("model");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "-leading-dash", "semi;colon", "ünïcode", ""})
    void submit_modelWithBadCharacters_returns400NamingModel(String model) {
        JsonPath problem = assertProblem(post("{\"model\": \"" + model + "\"}"), 400);

        assertThat(problem.getString("field")).isEqualTo("model");
    }

    @Test
    void submit_modelOver128Chars_returns400NamingModel() {
        JsonPath problem = assertProblem(post("{\"model\": \"" + "m".repeat(129) + "\"}"), 400);

        assertThat(problem.getString("field")).isEqualTo("model");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "1.5", "true", "[\"m1\"]"})
    void submit_modelNotAString_returns400NamingModel(String model) {
        JsonPath problem = assertProblem(post("{\"model\": " + model + "}"), 400);

        assertThat(problem.getString("field")).isEqualTo("model");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "maybe"})
    void submit_waitNeitherTrueNorFalse_returns400NamingWait(String wait) {
        JsonPath problem = assertProblem(given().contentType(ContentType.JSON).body("{\"model\": \"m1\"}")
                .when().post("/jobs?wait=" + wait), 400);

        assertThat(problem.getString("field")).isEqualTo("wait");
    }

    @Test
    void submit_waitFalseInCapitals_answers202() {
        given().contentType(ContentType.JSON).body("{\"model\": \"m1\"}").when().post("/jobs?wait=FALSE")
                .then().statusCode(202);
    }

    @Test
    void submit_priorityAsString_returns400NamingPriority() {
        JsonPath problem = assertProblem(post("{\"model\": \"m1\", \"priority\": \"5\"}"), 400);

        assertThat(problem.getString("field")).isEqualTo("priority");
    }

    @Test
    void submit_secondObjectAfterTheFirst_returns400NamingBody() {
        JsonPath problem = assertProblem(post("{\"model\": \"m1\"}{\"model\": \"m2\"}"), 400);

        assertThat(problem.getString("field")).isEqualTo("body");
        assertThat(problem.getString("detail")).isEqualTo("body: content after the JSON object");
    }

    @Test
    void submit_fieldTwice_returns400NamingBody() {
        JsonPath problem = assertProblem(post("{\"model\": \"m1\", \"model\": \"m2\"}"), 400);

        assertThat(problem.getString("field")).isEqualTo("body");
        assertThat(problem.getString("detail")).contains("Duplicate field 'model'");
    }

    @Test
    void submit_textAfterTheObject_returns400NamingBody() {
        JsonPath problem = assertProblem(post("{\"model\": \"m1\"} xyz"), 400);

        assertThat(problem.getString("field")).isEqualTo("body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"m1\"", "42"})
    void submit_bodyNotAnObject_returns400SayingSo(String body) {
        JsonPath problem = assertProblem(post(body), 400);

        assertThat(problem.getString("field")).isEqualTo("body");
        assertThat(problem.getString("detail")).isEqualTo("body: must be a JSON object");
    }

    @Test
    void submit_priorityOfWrongType_returns400NamingPriority() {
        JsonPath problem = assertProblem(post("{\"model\": \"m1\", \"priority\": \"high\"}"), 400);

        assertThat(problem.getString("field")).isEqualTo("priority");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"NaN\"", "\"Infinity\"", "1e400", "-1e400", "2000000", "-2000000"})
    void submit_priorityNotFiniteOrHuge_returns400NamingPriority(String priority) {
        JsonPath problem = assertProblem(post("{\"model\": \"m1\", \"priority\": " + priority + "}"), 400);

        assertThat(problem.getString("field")).isEqualTo("priority");
    }

    @Test
    void submit_idempotencyKeyOver200Chars_returns400NamingTheHeader() {
        Response response = given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(201))
                .body(Map.of("model", "m1")).when().post("/jobs?wait=false");

        assertThat(assertProblem(response, 400).getString("field")).isEqualTo("Idempotency-Key");
    }

    @Test
    void submit_brokenJsonInsideData_returns400SayingTheJsonIsBroken_andWhere() {
        Response response = given().contentType(ContentType.JSON).body("{\"model\":\"m1\",\"data\":[1,2}}")
                .when().post("/jobs?wait=false");

        assertThat(assertProblem(response, 400).getString("detail"))
                .isEqualTo("body: not valid JSON: Unexpected close marker '}': expected ']' (for Array starting at line 1, column 22) (line 1, column 26)");
    }

    @Test
    void submit_numberPastWhatAnyParserReads_returns400SayingSo() {
        Response response = given().contentType(ContentType.JSON).body("{\"model\":\"m1\",\"data\":{\"a\":1e99999999999}}")
                .when().post("/jobs?wait=false");

        JsonPath problem = assertProblem(response, 400);
        assertThat(problem.getString("field")).isEqualTo("data");
        assertThat(problem.getString("detail")).isEqualTo("data: has a number too large to read");
    }

    @Test
    void submit_dataNestedPastTheParsersDepthLimit_returns400SayingSo() {
        String deep = "[".repeat(3000) + "]".repeat(3000);
        Response response = given().contentType(ContentType.JSON).body("{\"model\":\"m1\",\"data\":" + deep + "}")
                .when().post("/jobs?wait=false");

        JsonPath problem = assertProblem(response, 400);
        assertThat(problem.getString("field")).isEqualTo("data");
        assertThat(problem.getString("detail")).startsWith("data: is past the parser's limits: Document nesting depth (")
                .doesNotContain("StreamReadConstraints");
    }

    @Test
    void submit_emptyIdempotencyKey_returns400NamingTheHeader_ratherThanRunningWithoutAKey() {
        Response response = given().contentType(ContentType.JSON).header("Idempotency-Key", "")
                .body(Map.of("model", "m1")).when().post("/jobs?wait=false");

        assertThat(assertProblem(response, 400).getString("field")).isEqualTo("Idempotency-Key");
    }

    @Test
    void get_unknownJob_returns404() {
        assertProblem(given().when().get("/jobs/{id}", Long.MAX_VALUE), 404);
    }

    @Test
    void get_nonNumericId_returns404() {
        assertProblem(given().when().get("/jobs/{id}", "abc"), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0%s", "00%s", "+%s", "%%2B%s", " %s", "%s "})
    void get_anotherSpellingOfAJobsId_returns404(String spelling) {
        String id = Api.submitAsync(Api.model("ids"), 0);
        given().when().get("/jobs/" + id).then().statusCode(200);

        assertProblem(given().urlEncodingEnabled(false).when().get("/jobs/" + String.format(spelling, id).replace(" ", "%20")), 404);
    }

    @Test
    void get_jobIdInOtherDigits_returns404() {
        String id = Api.submitAsync(Api.model("ids"), 0);
        // the same digits in full width (U+FF10...) and Arabic-Indic (U+0660...): not the job's id
        String fullWidth = id.chars().mapToObj(c -> String.valueOf((char) (c - '0' + 0xFF10))).reduce("", String::concat);
        String arabicIndic = id.chars().mapToObj(c -> String.valueOf((char) (c - '0' + 0x0660))).reduce("", String::concat);

        assertProblem(given().when().get("/jobs/{id}", fullWidth), 404);
        assertProblem(given().when().get("/jobs/{id}", arabicIndic), 404);
        assertProblem(given().when().delete("/jobs/{id}", "0" + id), 404);
    }

    @Test
    void delete_unknownJob_returns404() {
        assertProblem(given().when().delete("/jobs/{id}", Long.MAX_VALUE), 404);
    }

    @Test
    void submit_bodyOverMaxBodySize_returns413() throws IOException {
        // quarkus.http.limits.max-body-size=1M; the head declares 1.1 MB, and the answer comes
        // before any of it is sent (sending it would race the server closing the connection)
        String answer;
        try (RawHttp http = RawHttp.connect()) {
            http.postHeadOnly("/jobs?wait=false", 1_100_000);
            answer = http.readAll();
        }

        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"field\":\"body\"").contains("over the limit of 1048576 bytes");
    }

    @Test
    void submit_bodyOverMaxBodySize_overHttp2_returns413_andKeepsTheConnection() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            io.vertx.core.http.HttpClient h2c = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false).setDefaultHost("127.0.0.1").setDefaultPort(RestAssured.port));
            HttpClientRequest tooLarge = h2c.request(HttpMethod.POST, "/jobs?wait=false").toCompletionStage()
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            tooLarge.putHeader("content-type", "application/json").putHeader("content-length", "1100000");
            // the body's handler set as the answer comes, on the event loop: set later, its bytes may be gone
            AtomicReference<HttpClientResponse> answer = new AtomicReference<>();
            String body = tooLarge.sendHead().compose(ignored -> tooLarge.response())
                    .compose(response -> {
                        answer.set(response);
                        return response.body();
                    })
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).toString();

            // a Connection header is forbidden in HTTP/2: the client took the answer for a protocol error
            assertThat(answer.get().statusCode()).isEqualTo(413);
            assertThat(answer.get().getHeader("connection")).isNull();
            assertThat(body).contains("over the limit of 1048576 bytes");
            HttpClientRequest next = h2c.request(HttpMethod.GET, "/workers").toCompletionStage()
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            HttpClientResponse workers = next.send().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThat(workers.statusCode()).isEqualTo(200);
            assertThat(next.connection()).as("the same connection: closing it ends every other request on it")
                    .isSameAs(tooLarge.connection());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "identity"})  // "chunked, gzip" the HTTP codec refuses itself, with a bare 400
    void request_transferEncodingNotEndingInChunked_returns400AndCloses_soItsBodyIsNotARequest(String codings)
            throws IOException {
        String smuggled = "GET /workers HTTP/1.1\r\nHost: x\r\n\r\n";
        String answer;
        try (RawHttp http = RawHttp.connect()) {
            http.send("POST /jobs?wait=false HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: " + codings + "\r\n\r\n" + smuggled);
            answer = http.readAll();
        }

        // the codec read the body as empty and its bytes as a GET /workers, which was answered 200
        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("connection: close")
                .contains("\"field\":\"Transfer-Encoding\"").doesNotContain("HTTP/1.1 200");
    }

    @Test
    void submit_chunkedBodyOverMaxBodySize_returns413AndCloses() throws IOException {
        String answer;
        try (RawHttp http = RawHttp.connect()) {
            http.postChunked("/jobs?wait=false", "{\"model\": \"m1\", \"data\": \"", 1_100_000, "\"}");
            answer = http.readAll();
        }

        // a chunked body declares no length: Quarkus REST stops it at the limit and answers a bare 413
        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("connection: close");
    }

    @Test
    void submit_chunkedBodyWithinMaxBodySize_isRead() throws IOException {
        String model = Api.model("chunked");
        String answer;
        try (RawHttp http = RawHttp.connect()) {
            // 100 kB: past Quarkus REST's in-memory input buffer, within the body limit
            http.postChunked("/jobs?wait=false", "{\"model\": \"" + model + "\", \"data\": {\"loadMs\": 1, \"text\": \"",
                    100_000, "\"}}");
            answer = http.readAll();
        }

        assertThat(answer).startsWith("HTTP/1.1 202");
        // from the head: the server closes the connection after its answer, and a reset may lose the
        // body's bytes not yet read (once in a CI run); the head came first
        Matcher location = Pattern.compile("(?im)^location: /jobs/([0-9]+)$").matcher(answer);
        assertThat(location.find()).as(answer).isTrue();
        JsonPath done = Api.awaitFinal(location.group(1));
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getString("result.data.text")).hasSize(100_000);
    }

    @Test
    void submit_textPlain_returns415() {
        Response response = given().contentType(ContentType.TEXT).body("{\"model\": \"m1\"}").when().post("/jobs");

        assertThat(assertProblem(response, 415).getString("detail")).isEqualTo("Content-Type: this endpoint reads application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=ISO-8859-1", "application/json;Charset=utf-16"})
    void submit_jsonInAnotherCharset_returns415SayingUtf8(String contentType) {
        Response response = given().contentType(contentType).body("{\"model\": \"m1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/jobs?wait=false");

        assertThat(assertProblem(response, 415).getString("detail")).startsWith("Content-Type: JSON is read as UTF-8, not charset=");
    }

    // RestAssured always sends a Content-Type with a body; the JDK client sends none unless told
    private static HttpResponse<String> postWithoutContentType(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"m1\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void submit_withoutContentType_returns415() throws Exception {
        HttpResponse<String> response = postWithoutContentType("/jobs?wait=false");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problems.MEDIA_TYPE);
        assertThat(JsonPath.from(response.body()).getString("detail")).isEqualTo("Content-Type: missing; send application/json");
    }

    @Test
    void submit_withoutContentType_atTheSlashedPathToo_returns415() throws Exception {
        assertThat(postWithoutContentType("/jobs/?wait=false").statusCode()).isEqualTo(415);
    }

    @Test
    void requestsWithoutAJobBody_areNotJudgedByTheirBodyHeaders() {
        given().contentType("application/json; charset=ISO-8859-1").header("Content-Encoding", "gzip")
                .when().get("/workers").then().statusCode(200);
        given().contentType("application/json; charset=ISO-8859-1").header("Content-Encoding", "gzip")
                .when().delete("/jobs/999999").then().statusCode(404);
        // passed through as it is (the simulated backend has no upstream: 501, not 415)
        given().contentType("application/json; charset=ISO-8859-1").header("Content-Encoding", "gzip").body(new byte[] {0x1f, (byte) 0x8b})
                .when().post("/forward?model=m1").then().statusCode(501);
    }

    @Test
    void submit_emptyOrWildcardContentType_returns415() throws Exception {
        HttpResponse<String> blank = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + RestAssured.port + "/jobs?wait=false")).header("Content-Type", " ")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"m1\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Response wildcard = given().contentType("application/*").body("{\"model\": \"m1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/jobs?wait=false");

        assertThat(blank.statusCode()).isEqualTo(415);
        assertThat(JsonPath.from(blank.body()).getString("detail")).isEqualTo("Content-Type: '' is not a media type; send application/json");
        assertThat(assertProblem(wildcard, 415).getString("detail")).isEqualTo("Content-Type: application/* names no type; send application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf8", "application/json; charset=US-ASCII", "application/json; charset=\"UTF-8\""})
    void submit_utf8ByAnotherName_orAscii_isQueued(String contentType) {
        given().contentType(contentType).body("{\"model\": \"m1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/jobs?wait=false").then().statusCode(202);
    }

    @Test
    void submit_byteOrderMark_isSkipped_butAMisplacedNonAsciiCharacterIsNamed_notCalledBadUtf8() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = "{\"model\": \"m1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = java.nio.ByteBuffer.allocate(bom.length + json.length).put(bom).put(json).array();

        given().contentType(ContentType.JSON).body(withBom).when().post("/jobs?wait=false").then().statusCode(202);
        JsonPath trailing = assertProblem(given().contentType(ContentType.JSON)
                .body("{\"model\": \"m1\"}é".getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/jobs?wait=false"), 400);
        assertThat(trailing.getString("detail")).contains("'é'").doesNotContain("UTF-8");
    }

    @Test
    void submit_gzippedJson_returns415SayingTheEncodingIsNotDecoded() {
        Response response = given().contentType(ContentType.JSON).header("Content-Encoding", "gzip")
                .body(new byte[] {0x1f, (byte) 0x8b, 8, 0}).when().post("/jobs?wait=false");

        assertThat(assertProblem(response, 415).getString("detail")).isEqualTo("Content-Encoding: gzip is not decoded; send the JSON as it is");
    }

    @Test
    void submit_overlongUtf8_returns400NamingTheByte_insteadOfReadingItAsADot() {
        byte[] body = {'{', '"', 'm', 'o', 'd', 'e', 'l', '"', ':', '"', 'm', (byte) 0xC0, (byte) 0xAE, '1', '"', '}'};
        Response response = given().contentType(ContentType.JSON).body(body).when().post("/jobs?wait=false");

        JsonPath problem = assertProblem(response, 400);
        assertThat(problem.getString("detail")).isEqualTo("body: not valid UTF-8 at byte 11 (0xC0); JSON is read as UTF-8 (RFC 8259)");
        assertThat(problem.getString("field")).isEqualTo("body");
    }

    @Test
    void submit_utf16Json_returns400() {
        Response response = given().contentType(ContentType.JSON)
                .body("{\"model\": \"m1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE)).when().post("/jobs?wait=false");

        assertThat(assertProblem(response, 400).getString("detail")).startsWith("body: has a zero byte; JSON is read as UTF-8");
    }

    @Test
    void submit_jsonInUtf8_declaredOrNot_isQueued() {
        for (String contentType : new String[] {"application/json", "application/json; charset=UTF-8", "application/json;charset=utf-8"}) {
            given().contentType(contentType).body("{\"model\": \"m1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .when().post("/jobs?wait=false").then().statusCode(202);
        }
    }

    @Test
    void get_jobAcceptingOnlyXml_returns406SayingWhatItAnswers() {
        Response response = given().accept("application/xml").when().get("/queue");

        assertThat(assertProblem(response, 406).getString("detail")).isEqualTo("Accept: this endpoint answers application/json");
    }

    @Test
    void put_jobs_returns405_withAllow() {
        Response response = given().contentType(ContentType.JSON).body("{\"model\": \"m1\"}").when().put("/jobs");

        JsonPath problem = assertProblem(response, 405);
        assertThat(response.header("Allow")).isEqualTo("POST, OPTIONS");  // as OPTIONS /jobs answers
        assertThat(problem.getString("detail")).isEqualTo("PUT is not allowed on /jobs; use POST");
    }

    @ParameterizedTest
    @CsvSource({
        "/jobs,          'POST, OPTIONS'",
        "/jobs/1,        'GET, HEAD, DELETE, OPTIONS'",
        "/workers,       'GET, HEAD, OPTIONS'",
        "/forward/v1/x,  'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'",
    })
    void options_answersWhatThePathAccepts(String path, String allow) {
        Response response = given().when().options(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Allow")).isEqualTo(allow);
    }

    @Test
    void post_workers_returns405_withAllow() {
        Response response = given().contentType(ContentType.JSON).body("{}").when().post("/workers");

        assertProblem(response, 405);
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void head_workers_isAllowedAsItsAllowHeaderSays() {
        given().when().head("/workers").then().statusCode(200);
        given().when().head("/jobs/987654321").then().statusCode(404);
    }

    @Test
    void get_unknownPath_returns404() {
        JsonPath problem = assertProblem(given().accept(ContentType.JSON).when().get("/no-such-thing"), 404);

        assertThat(problem.getString("detail"))
                .isEqualTo("nothing at /no-such-thing; the API is /jobs, /jobs/{id}, /workers, /queue and /forward/{path}");
    }
}
