package io.smartlb.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartlb.core.Task;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What actually runs a job on a worker. Called on that worker's own thread, never under the
 * dispatcher's lock, one job at a time per worker; it may block. Implementations are CDI beans
 * with {@code @Identifier("name")}, chosen by {@code balancer.backend}.
 *
 * <p>Failures: throw {@link io.smartlb.core.ModelLoadException} when the model could not be loaded
 * (the worker then holds none), {@link UpstreamException} when a remote server answered with an
 * error (502 to the client), anything else for a failure of the backend itself (500).
 */
public interface Backend {

    /** Returns the job's result as JSON. */
    JsonNode run(Task<JsonNode> task) throws Exception;

    /** Returns how many workers this backend serves, or empty to use {@code balancer.workers}. */
    default OptionalInt workerCount() {
        return OptionalInt.empty();
    }

    /** Returns whether {@link #forward} is supported. */
    default boolean forwards() {
        return false;
    }

    /** Passes a request through to the task's worker and returns its answer unchanged. */
    default ForwardResponse forward(Task<?> task, ForwardRequest request) throws Exception {
        throw new UnsupportedOperationException("this backend cannot pass requests through; use balancer.backend=http");
    }

    /**
     * Returns whether {@code worker} can take jobs; backends without health probes say yes. Readiness
     * waits for a first yes from some worker; an answer of false or null, or one that fails or throws,
     * counts as no, and a failure's message is logged as the reason when the worker goes out of
     * service.
     */
    default CompletionStage<Boolean> probe(int worker) {
        return CompletableFuture.completedFuture(true);
    }
}
