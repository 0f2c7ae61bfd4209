package io.smartlb.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smartlb.backend.ForwardResponse;
import io.smartlb.backend.UpstreamException;
import io.smartlb.core.NotDeliveredException;
import io.smartlb.service.ForwardJobs;
import io.smartlb.core.JobHandle;
import io.smartlb.core.ShutdownException;
import io.smartlb.service.BalancerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The answer to a client that waits for its job: 200, or a problem carrying the job's fields. */
@ApplicationScoped
class JobOutcomes {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    @Inject
    JobViews views;

    @Inject
    ObjectMapper json;

    @Inject
    BalancerService service;

    /** Returns the answer once the job ends; a client that leaves first abandons the job (see below). */
    CompletionStage<Response> whenEnded(JobHandle<JsonNode, JsonNode> job) {
        return whenEnded(job, true);
    }

    /**
     * Returns the answer once the job ends; with {@code abandonIfClientLeaves}, a client that leaves
     * first cancels the job while it is still queued, and keeps it from being sent again once it
     * runs (not so for a job with an idempotency key: its client may retry with the key, and other
     * clients may wait on it).
     */
    CompletionStage<Response> whenEnded(JobHandle<JsonNode, JsonNode> job, boolean abandonIfClientLeaves) {
        // A CompletableFuture rather than a Uni: on this path, per request, Mutiny's context
        // propagation allocated more than anything of ours (bench/RESULTS.md, issue 6).
        // The future completes on the worker's own thread: answer on another, so that the worker goes
        // on to its next job at once. result() is a copy: the job keeps its outcome for later readers.
        CompletableFuture<Response> answer = job.result()
                .handleAsync((result, failure) -> answer(job, result, failure), Infrastructure.getDefaultExecutor());
        // Quarkus REST cancels the future when its client disconnects: a job still queued is not worth running
        if (abandonIfClientLeaves) {
            answer.whenComplete((response, failure) -> {
                if (answer.isCancelled()) {
                    service.abandon(job);
                }
            });
        }
        return answer;
    }

    private Response answer(JobHandle<JsonNode, JsonNode> job, JsonNode result, Throwable failure) {
        ForwardResponse passedThrough = ForwardJobs.response(result);
        if (failure == null && passedThrough != null) {
            // a pass-through job answers with the upstream's own status, headers and bytes
            Response.ResponseBuilder raw = Response.status(passedThrough.status());
            passedThrough.headers().forEach((name, values) -> values.forEach(value -> raw.header(name, value)));
            if (passedThrough.body().length > 0) {
                raw.entity(passedThrough.body());
            }
            return (passedThrough.contentType() == null ? raw : raw.type(passedThrough.contentType())).build();
        }
        JobView view = views.of(job);
        return switch (view.status()) {
            case DONE -> Response.ok(view).build();
            case EXPIRED -> problem(504, "job " + view.id() + " waited past balancer.queue.max-wait", view).build();
            case CANCELLED -> problem(409, "job " + view.id() + " was cancelled", view).build();
            case FAILED -> failed(job, view, failure).build();
            // the future completes only after the status is final; this cannot happen
            case QUEUED, RUNNING -> problem(500, "job " + view.id() + " has not ended", view).build();
        };
    }

    private Response.ResponseBuilder failed(JobHandle<JsonNode, JsonNode> job, JobView view, Throwable failure) {
        if (causedBy(failure, UpstreamException.class) || causedBy(failure, NotDeliveredException.class)) {
            return problem(502, "upstream failed job " + view.id() + ": " + job.error(), view);
        }
        if (causedBy(failure, ShutdownException.class)) {
            return problem(503, "job " + view.id() + " failed: " + job.error(), view).header("Retry-After", "5");
        }
        return problem(500, "job " + view.id() + " failed: " + job.error(), view);
    }

    // the job's fields join the problem's; its status is renamed jobStatus, since status is the HTTP one
    private Response.ResponseBuilder problem(int status, String detail, JobView view) {
        Map<String, Object> members = new LinkedHashMap<>(json.convertValue(view, FIELDS));
        members.put("jobStatus", members.remove("status"));
        return Problems.problem(status, detail, members);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
