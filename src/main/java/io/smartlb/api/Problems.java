package io.smartlb.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds RFC 9457 {@code application/problem+json} answers. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    // exact decimals: a job's priority 0.0, read back as a BigDecimal, stays 0.0 as in its view, not 0
    private static final ObjectMapper JSON = new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private Problems() {
    }

    /** Returns a problem answer; {@code members} are added after the standard ones. */
    static Response.ResponseBuilder problem(int status, String detail, Map<String, ?> members) {
        return Response.status(status).type(MEDIA_TYPE).entity(body(status, detail, members));
    }

    /** Returns a problem body as JSON text, for answers written outside JAX-RS. */
    static String body(int status, String detail, Map<String, ?> members) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail);
        members.forEach((name, value) -> body.set(name, JSON.valueToTree(value)));
        return body.toString();
    }

    private static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }
}
