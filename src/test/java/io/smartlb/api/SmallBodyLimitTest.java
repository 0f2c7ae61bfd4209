package io.smartlb.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A body limit below Quarkus REST's input buffer (10 KB) holds for chunked bodies too: Quarkus reads
 * such a body whole without checking it, so the resource does.
 */
@QuarkusTest
@TestProfile(SmallBodyLimitTest.FiveKilobytes.class)
class SmallBodyLimitTest {

    /** Bodies up to 5 KB. */
    public static final class FiveKilobytes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "5K");
        }
    }

    @Test
    void submit_chunkedBodyOverALimitBelowTheInputBuffer_returns413Problem() throws IOException {
        String answer = postChunked(8_000);

        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"field\":\"body\"").contains("bytes is over the limit of 5120 bytes");
    }

    @Test
    void submit_chunkedBodyWithinTheLimit_isQueued() throws IOException {
        assertThat(postChunked(3_000)).startsWith("HTTP/1.1 202");
    }

    private static String postChunked(int filler) throws IOException {
        try (RawHttp http = RawHttp.connect()) {
            http.postChunked("/jobs?wait=false", "{\"model\": \"" + Api.model("small-limit") + "\", \"data\": {\"text\": \"",
                    filler, "\"}}");
            return http.readAll();
        }
    }
}
