package io.smartlb.backend;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request passed through to an upstream ({@code /forward/{path}}): the body bytes, content type
 * and end-to-end headers go as they came.
 *
 * @param method the HTTP method
 * @param path the path on the upstream as written (encoded), without a leading slash
 * @param query the raw query string without the model parameter, or null
 * @param contentType the body's content type, or null
 * @param headers the other headers to pass on ({@link ForwardHeaders#passed})
 * @param body the body bytes, empty for none
 */
public record ForwardRequest(String method, String path, String query, String contentType,
                             Map<String, List<String>> headers, byte[] body) {

    public ForwardRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }
}
