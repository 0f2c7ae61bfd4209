package io.smartlb.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartlb.core.JobHandle;
import io.smartlb.core.JobStatus;
import java.util.Objects;

/**
 * A job the service still knows: {@link Live} while it is queued or running, a {@link FinishedJob}
 * once it has ended (until the retention forgets it).
 */
public sealed interface KnownJob permits KnownJob.Live, FinishedJob {

    /** Returns the job's id. */
    long id();

    /** Returns the job's status. */
    JobStatus status();

    /**
     * A job that has not ended, or has only just ended and is not yet replaced by its
     * {@link FinishedJob}: its live handle.
     *
     * @param handle the job's handle
     * @param key its idempotency key, or null
     * @param dataBytes the size of the request that brought its data, counted against
     *     {@code balancer.queue.max-bytes} until it ends; 0 when unknown
     */
    record Live(JobHandle<JsonNode, JsonNode> handle, String key, long dataBytes) implements KnownJob {

        public Live {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public long id() {
            return handle.id();
        }

        @Override
        public JobStatus status() {
            return handle.status();
        }
    }
}
