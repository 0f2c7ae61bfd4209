package io.smartlb.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartlb.core.ModelLoadException;
import io.smartlb.core.Task;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulated backend's answer and the per-job overrides in a job's data. */
final class SimulatedBackendTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SimulatedBackend backend = new SimulatedBackend(Duration.ZERO, Duration.ZERO);

    private JsonNode run(String data) throws Exception {
        return backend.run(new Task<>(3, 1, "m1", true, data == null ? null : JSON.readTree(data), System::nanoTime));
    }

    @Test
    void run_answersModelWorkerAndData() throws Exception {
        JsonNode result = run("{\"text\": \"hi\", \"processMs\": 0, \"loadMs\": 0}");

        assertThat(result.get("model").asText()).isEqualTo("m1");
        assertThat(result.get("worker").asInt()).isEqualTo(3);
        assertThat(result.get("data").get("text").asText()).isEqualTo("hi");
    }

    @Test
    void run_withoutData_answersNullData() throws Exception {
        assertThat(run(null).get("data").isNull()).isTrue();
    }

    @Test
    void run_failOverride_failsWithTheMessage() {
        assertThatThrownBy(() -> run("{\"fail\": \"out of memory\"}")).hasMessage("out of memory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "-1", "1.5", "1e30", "3600001", "true"})
    void run_costOverrideThatIsNoWholeMillisecondCount_failsNamingIt(String value) {
        assertThatThrownBy(() -> run("{\"processMs\": " + value + "}"))
                .isInstanceOf(ModelLoadException.class)  // before the load: its worker holds no model
                .hasMessage("data.processMs: must be a whole number of ms from 0 to 3600000");
        assertThatThrownBy(() -> run("{\"loadMs\": " + value + "}"))
                .isInstanceOf(ModelLoadException.class)  // a load that did not happen: its worker holds no model
                .hasMessage("data.loadMs: must be a whole number of ms from 0 to 3600000");
    }

    @Test
    void run_badLoadOverride_onAWorkerThatHoldsTheModel_failsOnlyTheJob() {
        Task<JsonNode> noLoad = new Task<>(3, 1, "m1", false, JSON.createObjectNode().put("loadMs", -1), System::nanoTime);
        assertThatThrownBy(() -> backend.run(noLoad)).isNotInstanceOf(ModelLoadException.class)
                .hasMessage("data.loadMs: must be a whole number of ms from 0 to 3600000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\" \"", "5", "{}"})
    void run_failOverrideThatIsNoMessage_failsSaying(String value) {
        assertThatThrownBy(() -> run("{\"fail\": " + value + "}"))
                .hasMessage("data.fail: must be a message (a non-empty string)");
    }
}
