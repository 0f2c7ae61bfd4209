package io.smartlb.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smartlb.core.JobStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A job as clients see it. Times are ISO-8601 UTC with milliseconds.
 *
 * @param id the job's id
 * @param model the model it needs
 * @param priority seconds of head start
 * @param status QUEUED, RUNNING, DONE, FAILED, CANCELLED or EXPIRED
 * @param worker the worker that ran or runs it, or null
 * @param modelLoaded true when this job made its worker load the model
 * @param submittedAt when it was submitted
 * @param startedAt when a worker started it, or null
 * @param finishedAt when it ended, or null
 * @param waitMs time queued: until it started, or until now (or its end) if it never started
 * @param processingMs time running (model load included), or null before it started
 * @param result the backend's answer, when DONE
 * @param error why it failed, expired or was cancelled, when FAILED, EXPIRED or CANCELLED
 * @param dispatch the strategy's reason for starting it, once started
 */
@RegisterForReflection
@Schema(description = "A job and where it is")
public record JobView(
        String id,
        String model,
        double priority,
        JobStatus status,
        Integer worker,
        boolean modelLoaded,
        String submittedAt,
        String startedAt,
        String finishedAt,
        long waitMs,
        Long processingMs,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode result,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error,
        @JsonInclude(JsonInclude.Include.NON_NULL) String dispatch) {
}
