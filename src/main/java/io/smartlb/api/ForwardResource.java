package io.smartlb.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartlb.backend.ForwardHeaders;
import io.smartlb.backend.ForwardRequest;
import io.smartlb.core.JobHandle;
import io.smartlb.service.BalancerConfig;
import io.smartlb.service.BalancerService;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /forward/{path}}: a request passed through to a model server unchanged, as a job like any
 * other (it queues, counts, shows in /workers and metrics). The model comes from the model header
 * ({@code balancer.http.model-header}) or {@code ?model=}; body bytes and content type go to
 * {@code {upstream}/{path}}, and the upstream's status, content type and body bytes come back.
 */
@Path("/forward")
public class ForwardResource {

    @Inject
    BalancerService service;

    @Inject
    BalancerConfig config;

    @Inject
    JobOutcomes outcomes;

    @Inject
    BodySizeLimit bodySizeLimit;

    @GET
    @Path("{path: .*}")
    @Operation(summary = "Pass a GET through to a model server")
    public CompletionStage<Response> get(@Encoded @PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri) {
        return forward("GET", path, headers, uri, null);
    }

    @POST
    @Path("{path: .*}")
    @Operation(summary = "Pass a POST through to a model server, body and content type unchanged")
    public CompletionStage<Response> post(@Encoded @PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri,
                              byte[] body) {
        return forward("POST", path, headers, uri, body);
    }

    @PUT
    @Path("{path: .*}")
    @Operation(summary = "Pass a PUT through to a model server")
    public CompletionStage<Response> put(@Encoded @PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri,
                             byte[] body) {
        return forward("PUT", path, headers, uri, body);
    }

    @PATCH
    @Path("{path: .*}")
    @Operation(summary = "Pass a PATCH through to a model server")
    public CompletionStage<Response> patch(@Encoded @PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri,
                               byte[] body) {
        return forward("PATCH", path, headers, uri, body);
    }

    @DELETE
    @Path("{path: .*}")
    @Operation(summary = "Pass a DELETE through to a model server")
    public CompletionStage<Response> delete(@Encoded @PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri) {
        return forward("DELETE", path, headers, uri, null);
    }

    private CompletionStage<Response> forward(String method, String path, HttpHeaders headers, UriInfo uri, byte[] body) {
        bodySizeLimit.checkRead(body == null ? 0 : body.length);
        if (!service.backend().forwards()) {
            return CompletableFuture.completedFuture(Problems.problem(501,
                    "the " + config.backend() + " backend cannot pass requests through; use balancer.backend=http",
                    Map.of()).build());
        }
        String model = headers.getHeaderString(config.http().modelHeader());
        String query = uri.getRequestUri().getRawQuery();
        if (model == null) {
            // the model came in the query: the upstream gets the rest of it, as it was written
            JobRequests.atMostOnce("model", uri.getQueryParameters().get("model"));
            model = uri.getQueryParameters().getFirst("model");
            query = withoutModel(query);
        }
        if (model == null) {
            throw ApiProblem.badRequest("model", "is required: send it in the " + config.http().modelHeader()
                    + " header or as ?model=");
        }
        JobRequests.check(new SubmitRequest(model, null, null), null);
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        ForwardRequest request = new ForwardRequest(method, path, query, contentType,
                ForwardHeaders.passed(headers.getRequestHeaders(), config.http().modelHeader().toLowerCase(Locale.ROOT)),
                body);
        JobHandle<JsonNode, JsonNode> job = service.forward(model, request, 0).job();
        return outcomes.whenEnded(job);
    }

    private static String withoutModel(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(pair -> !pair.equals("model") && !pair.startsWith("model="))
                .collect(Collectors.joining("&"));
    }
}
