package io.smartlb.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smartlb.core.WorkerState;

/**
 * A worker as {@code GET /workers} shows it.
 *
 * @param id the worker's id
 * @param model the loaded model, or null
 * @param state IDLE, BUSY or DOWN
 * @param jobId the running job's id, or null
 * @param completed jobs done
 * @param failed jobs failed
 * @param loads model loads (switches), the first included
 * @param completedSinceLoad jobs done since the last load
 * @param downReason while DOWN, why (a failed health probe and its reason, an ejection, a job's
 *                   failed connection, a dead loop); absent otherwise
 */
@RegisterForReflection
public record WorkerStatus(int id, String model, WorkerState state, String jobId,
                           long completed, long failed, long loads, long completedSinceLoad,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String downReason) {
}
