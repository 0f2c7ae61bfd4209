package io.smartlb.api;

import io.smartlb.backend.Brief;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Map;

/**
 * Answers 400 and closes the connection for an HTTP/1 request whose {@code Transfer-Encoding} does
 * not end in {@code chunked} (RFC 9112, 6.3): its body has no length anyone can find. The HTTP
 * codec reads such a body as empty and its bytes as the next request on the connection, so a body
 * {@code GET /workers ...} under {@code Transfer-Encoding: gzip} was answered as a request of its
 * own: behind a proxy that frames it otherwise, a way to smuggle requests past it. Runs before every
 * other route, the body size check included.
 */
@ApplicationScoped
class TransferCodings {

    // before BodySizeLimit (-3) and Quarkus' own size check (-2)
    private static final int ORDER = -4;
    private static final int BAD_REQUEST = 400;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(TransferCodings::check);
    }

    private static void check(RoutingContext context) {
        String codings = context.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (codings == null || context.request().version() == HttpVersion.HTTP_2 || endsInChunked(codings)) {
            context.next();
            return;
        }
        // what follows on the connection is this request's body, not a request: nothing more is read
        context.response().endHandler(ignored -> context.request().connection().close());
        context.response().setStatusCode(BAD_REQUEST)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                .end(Problems.body(BAD_REQUEST, "Transfer-Encoding: '" + Brief.of(codings) + "' does not end in chunked, so the body has no"
                        + " length; send it chunked, or with a Content-Length", Map.of("field", "Transfer-Encoding")));
    }

    private static boolean endsInChunked(String codings) {
        int comma = codings.lastIndexOf(',');
        return codings.substring(comma + 1).strip().toLowerCase(Locale.ROOT).equals("chunked");
    }
}
