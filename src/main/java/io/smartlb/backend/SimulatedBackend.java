package io.smartlb.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartlb.core.Task;
import java.time.Duration;
import java.util.Objects;

/**
 * The embedded default backend: it sleeps the load time on a switch and the process time per job
 * ({@code balancer.simulated.load-time}, {@code process-time}), and returns {@code {"model": m, "worker": id, "data": <data>}}.
 * A job's data may override the costs for demos and tests: {@code "loadMs"}, {@code "processMs"},
 * and {@code "fail": "message"} fails the job with that message.
 */
public final class SimulatedBackend implements Backend {

    /** The configuration name. */
    public static final String NAME = "simulated";

    private final Duration loadTime;
    private final Duration processTime;

    public SimulatedBackend(Duration loadTime, Duration processTime) {
        this.loadTime = Objects.requireNonNull(loadTime, "loadTime");
        this.processTime = Objects.requireNonNull(processTime, "processTime");
    }

    @Override
    public JsonNode run(Task<JsonNode> task) throws Exception {
        JsonNode data = task.data();
        if (task.load()) {
            sleep(millis(data, "loadMs", loadTime));
            task.markLoaded();
        }
        sleep(millis(data, "processMs", processTime));
        if (data != null && data.hasNonNull("fail")) {
            throw new SimulatedFailure(data.get("fail").asText());
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("model", task.model());
        result.put("worker", task.worker());
        result.set("data", data);
        return result;
    }

    private static long millis(JsonNode data, String field, Duration fallback) {
        if (data != null && data.isObject() && data.get(field) != null && data.get(field).canConvertToLong()) {
            return Math.max(0, data.get(field).asLong());
        }
        return fallback.toMillis();
    }

    private static void sleep(long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** The failure a job asks for with {@code "fail": "message"}. */
    static final class SimulatedFailure extends Exception {
        private static final long serialVersionUID = 1L;

        SimulatedFailure(String message) {
            super(message, null, false, false);
        }
    }
}
