package io.smartlb.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import io.smartlb.backend.ForwardResponse;
import io.smartlb.core.Task;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Work for tests of ended jobs, driven by each job's data: it echoes the data; {@code {"hold":
 * true}} waits at the gate, {@code {"fail": m}} fails with m, {@code {"forward": n}} answers a
 * pass-through response of n bytes with status 201. Each job advances the fake clock by a fixed
 * time.
 */
public final class ScriptedWork {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final AtomicLong clock;
    private final long nanosPerJob;
    private final CountDownLatch gate = new CountDownLatch(1);

    public ScriptedWork(AtomicLong clock, long nanosPerJob) {
        this.clock = clock;
        this.nanosPerJob = nanosPerJob;
    }

    public JsonNode run(Task<JsonNode> task) throws Exception {
        JsonNode data = task.data();
        clock.addAndGet(nanosPerJob);
        if (data.has("hold") && !gate.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate never opened");
        }
        if (data.has("fail")) {
            throw new IllegalStateException(data.get("fail").asText());
        }
        if (data.has("forward")) {
            return new POJONode(new ForwardResponse(201, "audio/wav", null, new byte[data.get("forward").asInt()]));
        }
        return data;
    }

    /** Lets held jobs finish. */
    public void open() {
        gate.countDown();
    }

    /** Writes a result as the service does, as UTF-8 JSON. */
    public static byte[] encode(JsonNode result) {
        try {
            return JSON.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
