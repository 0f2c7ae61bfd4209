package io.smartlb.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /jobs}. Checked by {@link JobRequests}, which names the bad field.
 *
 * @param model the model the job needs
 * @param data anything the backend needs, passed through as JSON
 * @param priority seconds of head start; higher is served sooner
 */
@RegisterForReflection
@Schema(description = "A job to queue")
public record SubmitRequest(
        @Schema(required = true, example = "m1", description = "1-128 chars of [A-Za-z0-9._:/-], starting with a letter or digit")
        String model,
        @Schema(description = "Any JSON, passed to the backend as the same value: numbers keep every digit, though 1E2 is sent as 1E+2", example = "{\"text\": \"hello\"}")
        JsonNode data,
        @Schema(description = "Seconds of head start: the job is ordered as if submitted that much earlier", example = "0")
        Double priority) {
}
