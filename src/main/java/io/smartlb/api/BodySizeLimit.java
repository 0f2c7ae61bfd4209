package io.smartlb.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body declared longer than {@code quarkus.http.limits.max-body-size} with a 413
 * problem, like every other error. Quarkus checks the same limit in a route of order -2 that
 * answers a bare 413; this route runs just before it. A chunked body declares no length: Quarkus
 * REST stops reading it at the limit and answers the bare 413 itself (see
 * {@link ProblemMappers#unreadableBody}), but only once it has read more than its input buffer
 * ({@code quarkus.rest.input-buffer-size}, 10 KB): the resources check a body read in full with
 * {@link #checkRead}, so a limit below that holds too.
 */
@ApplicationScoped
class BodySizeLimit {

    // Quarkus' own check runs at order -2
    private static final int ORDER = -3;
    private static final int TOO_LARGE = 413;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        maxBodySize.ifPresent(size -> {
            long limit = size.asLongValue();
            router.route().order(ORDER).handler(context -> check(context, limit));
        });
    }

    /** Throws a 413 problem when a body read in full, chunked or not, is longer than the limit. */
    void checkRead(long bytes) {
        if (maxBodySize.isPresent() && bytes > maxBodySize.get().asLongValue()) {
            throw new ApiProblem(TOO_LARGE, overLimit(bytes, maxBodySize.get().asLongValue()), Map.of("field", "body"));
        }
    }

    private static String overLimit(long bytes, long limit) {
        return "body: " + bytes + " bytes is over the limit of " + limit + " bytes";
    }

    private static void check(RoutingContext context, long limit) {
        String header = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length = header == null ? -1 : parse(header);
        if (length <= limit) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response();
        if (context.request().version() != HttpVersion.HTTP_2) {
            // the unread body would otherwise be parsed as the next request: close, as Quarkus does.
            // Not over HTTP/2, where the body is its stream's alone: Connection is a forbidden header
            // there, and closing would end every other request on the connection (their jobs too)
            response.endHandler(ignored -> context.request().connection().close());
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.setStatusCode(TOO_LARGE)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .end(Problems.body(TOO_LARGE, overLimit(length, limit), Map.of("field", "body")));
    }

    // a length that is not a number is the HTTP codec's to reject; let it through to it
    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
