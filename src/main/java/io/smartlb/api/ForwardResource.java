package io.smartlb.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartlb.backend.ForwardHeaders;
import io.smartlb.backend.ForwardRequest;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smartlb.core.JobHandle;
import io.smartlb.service.BalancerConfig;
import io.smartlb.service.BalancerService;
import io.vertx.core.http.HttpServerRequest;
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

    private static final String PREFIX = "/forward/";

    @Inject
    CurrentVertxRequest currentRequest;

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
    public CompletionStage<Response> get(@Encoded @PathParam("path") String path, @Context HttpHeaders headers) {
        return forward("GET", path, headers, null);
    }

    @POST
    @Path("{path: .*}")
    @Operation(summary = "Pass a POST through to a model server, body and content type unchanged")
    public CompletionStage<Response> post(@Encoded @PathParam("path") String path, @Context HttpHeaders headers,
                              byte[] body) {
        return forward("POST", path, headers, body);
    }

    @PUT
    @Path("{path: .*}")
    @Operation(summary = "Pass a PUT through to a model server")
    public CompletionStage<Response> put(@Encoded @PathParam("path") String path, @Context HttpHeaders headers,
                             byte[] body) {
        return forward("PUT", path, headers, body);
    }

    @PATCH
    @Path("{path: .*}")
    @Operation(summary = "Pass a PATCH through to a model server")
    public CompletionStage<Response> patch(@Encoded @PathParam("path") String path, @Context HttpHeaders headers,
                               byte[] body) {
        return forward("PATCH", path, headers, body);
    }

    @DELETE
    @Path("{path: .*}")
    @Operation(summary = "Pass a DELETE through to a model server")
    public CompletionStage<Response> delete(@Encoded @PathParam("path") String path, @Context HttpHeaders headers) {
        return forward("DELETE", path, headers, null);
    }

    private CompletionStage<Response> forward(String method, String path, HttpHeaders headers, byte[] body) {
        bodySizeLimit.checkRead(body == null ? 0 : body.length);
        if (!service.backend().forwards()) {
            return CompletableFuture.completedFuture(Problems.problem(501,
                    "the " + config.backend() + " backend cannot pass requests through; use balancer.backend=http",
                    Map.of()).build());
        }
        // the path and query as the client wrote them, from the HTTP request itself: JAX-RS takes a
        // ';' for matrix parameters (it cut them and decoded the path), and its request URI needs a
        // Host header, which an HTTP/1.0 client may leave out
        // (JAX-RS's path only where the request's own has no /forward/: a bare /forward)
        HttpServerRequest http = currentRequest.getCurrent().request();
        int prefix = http.path().indexOf(PREFIX);
        String asWritten = prefix < 0 ? path : http.path().substring(prefix + PREFIX.length());
        String model = headers.getHeaderString(config.http().modelHeader());
        String query = http.query();
        if (model == null) {
            // the model came in the query: the upstream gets the rest of it, as it was written
            JobRequests.atMostOnce("model", http.params().getAll("model"));
            model = http.params().get("model");
            query = withoutModel(query);
        }
        if (model == null) {
            throw ApiProblem.badRequest("model", "is required: send it in the " + config.http().modelHeader()
                    + " header or as ?model=");
        }
        JobRequests.check(new SubmitRequest(model, null, null), null);
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        ForwardRequest request = new ForwardRequest(method, asWritten, query, contentType,
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
