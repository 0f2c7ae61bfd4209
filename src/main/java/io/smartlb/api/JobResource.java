package io.smartlb.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartlb.core.JobHandle;
import io.smartlb.service.BalancerService;
import io.smartlb.service.KnownJob;
import io.smartlb.service.Submission;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The job API: submit, read and cancel jobs. Waiting for a result holds no thread. */
@Path("/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_ID_DIGITS = 19;  // as many as Long.MAX_VALUE has

    @Inject
    BalancerService service;

    @Inject
    JobViews views;

    @Inject
    BodySizeLimit bodySizeLimit;

    @Inject
    JobOutcomes outcomes;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue a job", description = "With wait=true (default) answers when the job ends; "
            + "with wait=false answers 202 at once, with Location: /jobs/{id}.")
    @APIResponse(responseCode = "200", description = "The job ended DONE",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "202", description = "Queued (wait=false)",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "400", description = "Invalid JSON or field; the problem names the field")
    @APIResponse(responseCode = "406", description = "The Accept header allows no application/json")
    @APIResponse(responseCode = "409", description = "The job was cancelled while this client waited (wait=true)")
    @APIResponse(responseCode = "413", description = "Body over quarkus.http.limits.max-body-size, or over balancer.queue.max-bytes by itself")
    @APIResponse(responseCode = "415", description = "The body is not application/json")
    @APIResponse(responseCode = "422", description = "Idempotency-Key used before for another request; the problem names that job")
    @APIResponse(responseCode = "429", description = "Queue full; see Retry-After")
    @APIResponse(responseCode = "500", description = "The backend failed the job")
    @APIResponse(responseCode = "502", description = "The upstream model server failed the job")
    @APIResponse(responseCode = "503", description = "Shutting down; see Retry-After")
    @APIResponse(responseCode = "504", description = "The job waited past balancer.queue.max-wait")
    public CompletionStage<Response> submit(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmitRequest.class))) byte[] body,
            @Parameter(description = "Answer when the job ends (true, the default) or at once (false)")
            @QueryParam("wait") String wait,
            @Parameter(description = "A retry with the same key returns the same job")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context HttpServerRequest http) throws JsonProcessingException {
        bodySizeLimit.checkRead(http.bytesRead());  // first: a body over the limit is 413 whatever it holds
        SubmitRequest request = JobRequests.parse(json, body, Utf8Body.text(body));
        JobRequests.atMostOnce(IDEMPOTENCY_KEY, http.headers().getAll(IDEMPOTENCY_KEY));
        JobRequests.atMostOnce("wait", http.params().getAll("wait"));
        // an empty header reaches us as null: it is a key of 0 characters, not no key
        String key = idempotencyKey == null && http.headers().contains(IDEMPOTENCY_KEY) ? "" : idempotencyKey;
        JobRequests.check(request, key);
        boolean answerWhenEnded = JobRequests.waitFlag(wait);
        double priority = request.priority() == null ? 0 : request.priority();
        // the body's size, read in full by now (chunked or not), stands for the data's memory
        Submission submission = service.submit(request.model(), request.data(), priority, idempotencyKey, http.bytesRead());
        JobHandle<JsonNode, JsonNode> job = submission.job();
        if (!answerWhenEnded) {
            // as design.md gives it, relative: an absolute one would name the Host this request
            // came in on, not the address a client behind an ingress or proxy used
            return CompletableFuture.completedFuture(Response.accepted(views.of(job))
                    .header(HttpHeaders.LOCATION, "/jobs/" + job.id()).build());
        }
        return outcomes.whenEnded(job, idempotencyKey == null);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a job", description = "404 once unknown or past balancer.jobs.retention")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "Unknown or forgotten job")
    public JobView get(@PathParam("id") String id) {
        return views.of(service.find(parseId(id)).orElseThrow(() -> ApiProblem.notFound("job " + id)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel a queued job")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "Unknown or forgotten job")
    @APIResponse(responseCode = "409", description = "The job is running or has ended")
    public JobView cancel(@PathParam("id") String id) {
        long jobId = parseId(id);
        switch (service.cancel(jobId)) {
            case NOT_FOUND -> throw ApiProblem.notFound("job " + id);
            case NOT_QUEUED -> {
                KnownJob job = service.find(jobId).orElseThrow(() -> ApiProblem.notFound("job " + id));
                throw new ApiProblem(409, "job " + id + " is " + job.status() + "; only QUEUED jobs can be cancelled",
                        Map.of("jobStatus", job.status()));
            }
            default -> {
                // cancelled
            }
        }
        return views.of(service.find(jobId).orElseThrow(() -> ApiProblem.notFound("job " + id)));
    }

    // a job has one id, as the service writes it: ASCII digits without a sign or leading zeros
    // (Long.parseLong alone also read 01, +1 and other scripts' digits as job 1)
    private static long parseId(String id) {
        boolean canonical = !id.isEmpty() && id.length() <= MAX_ID_DIGITS && (id.equals("0") || id.charAt(0) != '0')
                && id.chars().allMatch(c -> c >= '0' && c <= '9');
        try {
            if (canonical) {
                return Long.parseLong(id);
            }
        } catch (NumberFormatException tooLarge) {
            // past Long.MAX_VALUE: no such job
        }
        throw ApiProblem.notFound("job " + id);
    }
}
