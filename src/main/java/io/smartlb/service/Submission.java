package io.smartlb.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartlb.core.JobHandle;
import java.util.Objects;

/**
 * The answer to a submission.
 *
 * @param job the job
 * @param created false when an idempotency key named a job submitted before
 */
public record Submission(JobHandle<JsonNode, JsonNode> job, boolean created) {

    public Submission {
        Objects.requireNonNull(job, "job");
    }
}
