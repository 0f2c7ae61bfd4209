package io.smartlb.backend;

import java.util.Objects;

/**
 * An upstream's answer to a passed-through request, returned to the client unchanged.
 *
 * @param status the upstream's HTTP status
 * @param contentType its content type, or null
 * @param body its body bytes
 */
public record ForwardResponse(int status, String contentType, byte[] body) {

    public ForwardResponse {
        Objects.requireNonNull(body, "body");
    }
}
