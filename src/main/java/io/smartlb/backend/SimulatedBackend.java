package io.smartlb.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartlb.core.ModelLoadException;
import io.smartlb.core.Task;
import java.time.Duration;
import java.util.Objects;

/**
 * The embedded default backend: it sleeps the load time on a switch and the process time per job
 * ({@code balancer.simulated.load-time}, {@code process-time}), and returns {@code {"model": m, "worker": id, "data": <data>}}.
 * A job's data may override the costs for demos and tests: {@code "loadMs"}, {@code "processMs"},
 * and {@code "fail": "message"} fails the job with that message. An override that is not a whole
 * number of ms from 0 to an hour, or a {@code fail} that is not a message, fails the job at once
 * saying so; on a job that needs a load it fails that load, so its worker holds no model.
 */
public final class SimulatedBackend implements Backend {

    /** The configuration name. */
    public static final String NAME = "simulated";
    /** The longest load or job a job's data may ask for: an hour. */
    static final long MAX_OVERRIDE_MS = 3_600_000;

    private final Duration loadTime;
    private final Duration processTime;

    public SimulatedBackend(Duration loadTime, Duration processTime) {
        this.loadTime = Objects.requireNonNull(loadTime, "loadTime");
        this.processTime = Objects.requireNonNull(processTime, "processTime");
    }

    @Override
    public JsonNode run(Task<JsonNode> task) throws Exception {
        JsonNode data = task.data();
        long loadMillis;
        long processMillis;
        String failure;
        try {
            loadMillis = millis(data, "loadMs", loadTime);
            processMillis = millis(data, "processMs", processTime);
            failure = failure(data);
        } catch (SimulatedFailure e) {
            // at once, before any load: a job that needed one leaves its worker holding no model
            throw task.load() ? new ModelLoadException(e.getMessage()) : e;
        }
        if (task.load()) {
            sleep(loadMillis);
            task.markLoaded();
        }
        sleep(processMillis);
        if (failure != null) {
            throw new SimulatedFailure(failure);
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("model", task.model());
        result.put("worker", task.worker());
        result.set("data", data);
        return result;
    }

    // an override that is there must make sense: a demo that silently ignores a typo misleads
    private static long millis(JsonNode data, String field, Duration fallback) throws SimulatedFailure {
        JsonNode value = data != null && data.isObject() ? data.get(field) : null;
        if (value == null || value.isNull()) {
            return fallback.toMillis();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0 || value.asLong() > MAX_OVERRIDE_MS) {
            throw new SimulatedFailure("data." + field + ": must be a whole number of ms from 0 to " + MAX_OVERRIDE_MS);
        }
        return value.asLong();
    }

    private static String failure(JsonNode data) throws SimulatedFailure {
        JsonNode value = data != null && data.isObject() ? data.get("fail") : null;
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new SimulatedFailure("data.fail: must be a message (a non-empty string)");
        }
        return value.asText();
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
