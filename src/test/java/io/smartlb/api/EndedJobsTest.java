package io.smartlb.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smartlb.core.JobHandle;
import io.smartlb.service.BalancerService;
import io.smartlb.service.FinishedJob;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /jobs/{id}} of an ended job reads the compact record that replaced its handle, and
 * answers the same bytes the handle gave: to its waiting client, and through the service's mapper.
 */
@QuarkusTest
final class EndedJobsTest {

    @Inject
    BalancerService service;

    @Inject
    JobViews views;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void quietBalancer() {
        Api.awaitIdle();
    }

    private static String get(String id) {
        return given().when().get("/jobs/{id}", id).then().statusCode(200).extract().asString();
    }

    @Test
    void get_doneJob_answersTheBytesItsWaitingClientGot() {
        Response answer = Api.submitAndWait(Api.job(Api.model("bytes"), 1));
        assertThat(answer.statusCode()).isEqualTo(200);
        String id = answer.jsonPath().getString("id");

        assertThat(service.find(Long.parseLong(id))).containsInstanceOf(FinishedJob.class);
        assertThat(get(id)).isEqualTo(answer.asString());
    }

    @Test
    void get_sameIdempotencyKeyAfterTheJobEnded_retryAndReadAnswerTheSameBytes() {
        Map<String, Object> body = Api.job(Api.model("retry-bytes"), 1);
        String key = UUID.randomUUID().toString();
        String id = Api.submitAndWait(body, key).jsonPath().getString("id");

        Response retry = Api.submitAndWait(body, key);  // answered from the handle kept under the key

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(get(id)).isEqualTo(retry.asString());
    }

    @Test
    void get_doneAndFailedJobs_answerWhatTheirHandlesShow() throws Exception {
        Map<String, Object> failing = Api.costs(Api.LOAD_MS, 1);
        failing.put("fail", "out of memory");
        Map<String, Object> done = Api.costs(Api.LOAD_MS, 1);
        done.put("text", "h\u00e9 \"quoted\"");
        for (Map<String, Object> data : List.of(done, failing)) {
            JobHandle<JsonNode, JsonNode> job = service.submit(Api.model("handle"), json.valueToTree(data), 0.5, null).job();
            await().atMost(Api.PATIENCE).until(() -> service.find(job.id()).orElseThrow() instanceof FinishedJob);

            String fromHandle = json.writeValueAsString(views.of(job));

            assertThat(get(Long.toString(job.id()))).isEqualTo(fromHandle);
        }
    }
}
