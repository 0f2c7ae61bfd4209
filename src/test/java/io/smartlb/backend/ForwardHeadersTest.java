package io.smartlb.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which headers a pass-through carries on. */
final class ForwardHeadersTest {

    @Test
    void passed_dropsHopByHopAndOwnHeaders_keepsTheRestInLowerCase() {
        Map<String, List<String>> in = new LinkedHashMap<>();
        in.put("Authorization", List.of("Bearer t"));
        in.put("Accept", List.of("audio/wav", "*/*"));
        in.put("Connection", List.of("keep-alive, X-Hop"));
        in.put("X-Hop", List.of("1"));
        in.put("Keep-Alive", List.of("timeout=5"));
        in.put("Transfer-Encoding", List.of("chunked"));
        in.put("Host", List.of("lb:8080"));
        in.put("Content-Length", List.of("12"));
        in.put("Content-Type", List.of("application/json"));
        in.put("X-Model", List.of("m1"));
        in.put("Content-Encoding", List.of("gzip"));

        Map<String, List<String>> passed = ForwardHeaders.passed(in, "x-model");

        assertThat(passed).containsOnlyKeys("authorization", "accept", "content-encoding");
        assertThat(passed.get("accept")).containsExactly("audio/wav", "*/*");
    }
}
