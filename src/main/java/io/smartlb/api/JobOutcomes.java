package io.smartlb.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartlb.backend.UpstreamException;
import io.smartlb.core.JobHandle;
import io.smartlb.core.ShutdownException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answer to a client that waited for its job: 200, or a problem carrying the job's fields. */
@ApplicationScoped
class JobOutcomes {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    @Inject
    JobViews views;

    @Inject
    ObjectMapper json;

    Response answer(JobHandle<JsonNode, JsonNode> job, Throwable failure) {
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
        Throwable cause = rootCause(failure);
        if (cause instanceof UpstreamException) {
            return problem(502, "upstream failed job " + view.id() + ": " + job.error(), view);
        }
        if (cause instanceof ShutdownException) {
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

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
