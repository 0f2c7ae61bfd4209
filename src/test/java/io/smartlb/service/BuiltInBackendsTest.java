package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartlb.backend.HttpBackend;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The http backend's settings are checked at startup, not when the first job fails. */
final class BuiltInBackendsTest {

    private static Map<String, String> http(String key, String value) {
        Map<String, String> values = new HashMap<>(Map.of("balancer.http.upstreams", "http://127.0.0.1:18091"));
        values.put(key, value);
        return values;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "balancer.http.model-header | Bad Header     | Bad Header' cannot be sent",
        "balancer.http.model-header | Content-Length | Content-Length' cannot be sent",
        "balancer.http.path         | /v1/{model}/{x} | only {model} is replaced",
        "balancer.http.path         | /v1/a b        | is not a valid URL path",
        "balancer.http.health-path  | /health/{model} | braces are not allowed",
        "balancer.http.upstreams    | http://127.0.0.1:99999 | port 99999 is over 65535",
        "balancer.http.upstreams    | http://127.0.0.1:18091?x=1 | has a query or fragment",
        "balancer.http.upstreams    | http://user:secret@127.0.0.1:18091 | http://***@127.0.0.1:18091' carries credentials",
        "balancer.http.upstreams    | ftp://user:secret@127.0.0.1:18091 | ftp://***@127.0.0.1:18091' is not an http(s) URL",
        "balancer.http.upstreams    | http://user:se@cret@127.0.0.1:18091 | http://***@127.0.0.1:18091' is not an http(s) URL",
        "balancer.http.upstreams    | http://user:se/cret@127.0.0.1:18091 | http://***@127.0.0.1:18091' is not an http(s) URL",
        "balancer.http.upstreams    | http://gpu_0:8000 | gpu_0:8000' is not a host name the HTTP client takes",
    })
    void http_badSetting_failsStartupNamingTheKey(String key, String value, String problem) {
        BalancerConfig config = TestConfigs.config(http(key, value));

        assertThatThrownBy(() -> new BuiltInBackends().http(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(key + ": ")
                .hasMessageContaining(problem)
                .hasMessageNotContaining("secret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "balancer.http.model-header | X-Model-Name",
        "balancer.http.path         | /v1/models/{model}/infer",
        "balancer.http.upstreams    | https://gpu-0.internal:8443/base/",
        "balancer.http.upstreams    | HTTP://127.0.0.1:18091",
    })
    void http_goodSetting_builds(String key, String value) {
        assertThat(new BuiltInBackends().http(TestConfigs.config(http(key, value)))).isInstanceOf(HttpBackend.class);
    }

    @Test
    void http_moreUpstreamsThanWorkersMayBe_failsStartupNamingTheKey() {
        String upstreams = String.join(",", Collections.nCopies(ConfigChecks.MAX_WORKERS + 1, "http://127.0.0.1:18091"));
        BalancerConfig config = TestConfigs.config(http("balancer.http.upstreams", upstreams));

        assertThatThrownBy(() -> new BuiltInBackends().http(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("balancer.http.upstreams: 1025 URLs; use at most 1024");
        assertThat(new BuiltInBackends().http(TestConfigs.config(http("balancer.http.upstreams",
                upstreams.substring(upstreams.indexOf(',') + 1))))).isInstanceOf(HttpBackend.class);
    }

    @Test
    void maxResponseSize_unset_isWhatTheHeapCanTake_atMost16M() {
        BalancerConfig.Http unset = TestConfigs.config(http("balancer.http.path", "/")).http();

        // 4 upstreams answering at once, 8 heap bytes per answer byte, in half the heap
        assertThat(BuiltInBackends.maxResponseBytes(unset, 4, 128L << 20)).isEqualTo(2L << 20);
        assertThat(BuiltInBackends.maxResponseBytes(unset, 4, 6L << 30)).isEqualTo(16L << 20);
        assertThat(BuiltInBackends.maxResponseBytes(unset, 1024, 1L << 20)).isEqualTo(64);
    }

    @Test
    void maxResponseSize_set_isKept_evenWhereTheHeapCouldNotTakeIt() {
        BalancerConfig.Http set = TestConfigs.config(http("balancer.http.max-response-size", "16M")).http();

        assertThat(BuiltInBackends.maxResponseBytes(set, 4, 256L << 20)).isEqualTo(16L << 20);
        // kept as set; startup warns, as 4 answers that long outgrow a 256 MiB heap but not a 512 MiB one
        assertThat(ResponseSizeLimit.outgrowsHeap(16L << 20, 256L << 20, 4)).isTrue();
        assertThat(ResponseSizeLimit.outgrowsHeap(16L << 20, 512L << 20, 4)).isFalse();
    }

    @Test
    void healthTimeout_unset_followsTheRequestTimeout() {
        assertThat(TestConfigs.config(http("balancer.http.timeout", "7s")).http().healthTimeout())
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(TestConfigs.config(http("balancer.http.health-timeout", "2s")).http().healthTimeout())
                .isEqualTo(Duration.ofSeconds(2));
    }
}
