package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.smartlb.backend.ForwardResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ForwardJobsTest {

    @ParameterizedTest
    @CsvSource({"200, true", "204, true", "404, false", "503, false", "504, false"})
    void tellsCost_passThroughAnswer_onlyWhenTheUpstreamAnswered2xx(int status, boolean tells) {
        ForwardResponse answer = new ForwardResponse(status, "text/plain", Map.of("X", List.of("y")), new byte[0]);

        assertThat(ForwardJobs.tellsCost(ForwardJobs.wrap(answer))).isEqualTo(tells);
    }

    @Test
    void tellsCost_jobResult_always() {
        assertThat(ForwardJobs.tellsCost(TextNode.valueOf("a job's answer"))).isTrue();
        assertThat(ForwardJobs.tellsCost(null)).isTrue();  // a job that answered nothing
    }
}
