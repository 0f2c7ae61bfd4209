package io.smartlb.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.smartlb.core.JobHandle;
import io.smartlb.service.BalancerService;
import io.smartlb.service.FinishedJob;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /jobs/{id}} of an ended job reads the {@link FinishedJob} that replaced its handle,
 * and answers what the handle's view gives through the service's own mapper, to the byte. (Over
 * HTTP alone, against the packaged app too: JobResourceTest.)
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

            assertThat(given().when().get("/jobs/{id}", job.id()).then().statusCode(200).extract().asString())
                    .isEqualTo(fromHandle);
        }
    }
}
