package io.smartlb.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import io.smartlb.core.JobHandle;
import io.smartlb.core.JobStatus;
import io.smartlb.service.BalancerService;
import io.smartlb.service.FinishedJob;
import io.smartlb.service.ForwardJobs;
import io.smartlb.service.KnownJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns jobs into {@link JobView}s, with wall-clock times. A live handle and the
 * {@link FinishedJob} that replaces it give the same view, to the byte.
 */
@ApplicationScoped
class JobViews {

    private static final long NANOS_PER_MS = 1_000_000L;

    @Inject
    BalancerService service;

    JobView of(KnownJob job) {
        return job instanceof FinishedJob finished ? of(finished) : of(((KnownJob.Live) job).handle());
    }

    JobView of(JobHandle<JsonNode, JsonNode> job) {
        // read the status first: the fields that go with it were written before it
        JobStatus status = job.status();
        long started = job.startedNanos();
        boolean ran = FinishedJob.ran(status, started);
        return view(job.id(), job.model(), job.priority(), status, ran ? job.worker() : -1, ran && job.modelLoaded(),
                job.submittedNanos(), started, job.finishedNanos(),
                status == JobStatus.DONE ? ForwardJobs.shown(job.resultIfDone()) : null,
                job.error(), ran ? job.dispatchReason() : null);
    }

    JobView of(FinishedJob job) {
        // the result was written with the mapper that writes this view: as it is, it reads the same
        JsonNode result = job.resultJson() == null ? null
                : JsonNodeFactory.instance.rawValueNode(new RawValue(job.resultJson()));
        return view(job.id(), job.model(), job.priority(), job.status(), job.worker(), job.modelLoaded(),
                job.submittedNanos(), job.startedNanos(), job.finishedNanos(), result, job.error(), job.dispatch());
    }

    private JobView view(long id, String model, double priority, JobStatus status, int worker, boolean modelLoaded,
                         long submitted, long started, long finished, JsonNode result, String error, String dispatch) {
        boolean ran = FinishedJob.ran(status, started);
        long now = status.isFinal() ? finished : service.now();
        long waitEnd = ran ? started : now;
        Long processingMs = ran ? (now - started) / NANOS_PER_MS : null;
        return new JobView(
                Long.toString(id),
                model,
                priority,
                status,
                ran ? worker : null,
                ran && modelLoaded,
                time(submitted),
                ran ? time(started) : null,
                status.isFinal() ? time(finished) : null,
                Math.max(0, waitEnd - submitted) / NANOS_PER_MS,
                processingMs,
                result,
                error,
                ran ? dispatch : null);
    }

    private String time(long nanos) {
        return IsoTimes.format(service.epochMillis(nanos));
    }
}
