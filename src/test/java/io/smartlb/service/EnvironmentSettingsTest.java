package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A misspelt BALANCER_* variable is told at startup, not ignored in silence. */
final class EnvironmentSettingsTest {

    @Test
    void known_isEveryKeyOfTheReadmesTable_asAnEnvironmentVariable() throws Exception {
        Matcher keys = Pattern.compile("(?m)^\\| `(balancer\\.[a-z.-]+)`").matcher(Files.readString(Path.of("README.md")));
        Set<String> documented = new TreeSet<>();
        while (keys.find()) {
            documented.add(keys.group(1).replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
        }

        assertThat(documented).contains("BALANCER_WORKERS", "BALANCER_HTTP_MAX_RESPONSE_SIZE",
                "BALANCER_STRATEGIES_EXCLUSIVE_AFFINITY_SWITCH_PENALTY", "BALANCER_HOUSEKEEPING_INTERVAL");
        assertThat(EnvironmentSettings.known()).isEqualTo(documented);
    }

    @Test
    void warnings_misspeltVariable_namesItAndTheClosestKey() {
        Map<String, String> environment = Map.of("BALANCER_WOKERS", "3", "BALANCER_WORKERS", "2", "BALANCER_STARTEGY", "fifo",
                "PATH", "/usr/bin", "BALANCER_QUEUE_SIZE", "9");

        assertThat(EnvironmentSettings.warnings(environment, EnvironmentSettings.known())).containsExactly(
                "environment variable BALANCER_QUEUE_SIZE sets no balancer.* key and is ignored",
                "environment variable BALANCER_STARTEGY sets no balancer.* key and is ignored; did you mean BALANCER_STRATEGY?",
                "environment variable BALANCER_WOKERS sets no balancer.* key and is ignored; did you mean BALANCER_WORKERS?");
    }

    @Test
    void warnings_kubernetesServiceLinksAndListElements_none() {
        // what Kubernetes sets for a Service named balancer, and SmallRye's form of one list element
        Map<String, String> environment = Map.of("BALANCER_SERVICE_HOST", "10.0.0.1", "BALANCER_SERVICE_PORT", "80",
                "BALANCER_SERVICE_PORT_HTTP", "80", "BALANCER_PORT", "tcp://10.0.0.1:80", "BALANCER_PORT_80_TCP", "tcp://10.0.0.1:80",
                "BALANCER_PORT_80_TCP_ADDR", "10.0.0.1", "BALANCER_PORT_80_TCP_PORT", "80", "BALANCER_PORT_80_TCP_PROTO", "tcp",
                "BALANCER_HTTP_UPSTREAMS_0_", "http://gpu-0:8000");

        assertThat(EnvironmentSettings.warnings(environment, EnvironmentSettings.known())).isEmpty();
    }

    @Test
    void warnings_whereTheKeysCannotBeRead_none() {
        assertThat(EnvironmentSettings.warnings(Map.of("BALANCER_WOKERS", "3"), Set.of())).isEmpty();
    }
}
