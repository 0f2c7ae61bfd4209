package io.smartlb.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartlb.backend.ForwardResponse;
import io.smartlb.core.JobHandle;
import io.smartlb.service.ForwardJobs;
import io.smartlb.core.JobStatus;
import io.smartlb.service.BalancerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Turns job handles into {@link JobView}s, with wall-clock times. */
@ApplicationScoped
class JobViews {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long NANOS_PER_MS = 1_000_000L;

    @Inject
    BalancerService service;

    JobView of(JobHandle<JsonNode, JsonNode> job) {
        // read the status first: fields written before a status change are visible after it
        JobStatus status = job.status();
        long now = service.now();
        long submitted = job.submittedNanos();
        long started = job.startedNanos();
        long finished = job.finishedNanos();
        boolean ran = status == JobStatus.RUNNING || status == JobStatus.DONE || status == JobStatus.FAILED && started > 0;
        long waitEnd = ran ? started : status.isFinal() ? finished : now;
        Long processingMs = ran ? ((status.isFinal() ? finished : now) - started) / NANOS_PER_MS : null;
        return new JobView(
                Long.toString(job.id()),
                job.model(),
                job.priority(),
                status,
                ran ? job.worker() : null,
                ran && job.modelLoaded(),
                time(submitted),
                ran ? time(started) : null,
                status.isFinal() ? time(finished) : null,
                Math.max(0, waitEnd - submitted) / NANOS_PER_MS,
                processingMs,
                status == JobStatus.DONE ? shown(job.result().getNow(null)) : null,
                job.error(),
                ran ? job.dispatchReason() : null);
    }

    // a pass-through answer is bytes for its own client: the view shows what it was, not the bytes
    private static JsonNode shown(JsonNode result) {
        ForwardResponse response = ForwardJobs.response(result);
        if (response == null) {
            return result;
        }
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("upstreamStatus", response.status());
        summary.put("contentType", response.contentType());
        summary.put("bytes", response.body().length);
        return summary;
    }

    private String time(long nanos) {
        return ISO_MILLIS.format(service.toInstant(nanos));
    }
}
