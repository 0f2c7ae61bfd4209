package io.smartlb.backend;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An upstream's answer to a passed-through request, returned to the client as it came.
 *
 * @param status the upstream's HTTP status
 * @param contentType its content type, or null
 * @param headers its other end-to-end headers ({@link ForwardHeaders#passed})
 * @param body its body bytes
 */
public record ForwardResponse(int status, String contentType, Map<String, List<String>> headers, byte[] body) {

    public ForwardResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
