package io.smartlb.backend;

import java.util.Objects;

/**
 * A request passed through to an upstream unchanged ({@code /forward/{path}}): the body bytes and
 * content type go as they came.
 *
 * @param method the HTTP method
 * @param path the path on the upstream, without a leading slash
 * @param query the raw query string without the model parameter, or null
 * @param contentType the body's content type, or null
 * @param body the body bytes, empty for none
 */
public record ForwardRequest(String method, String path, String query, String contentType, byte[] body) {

    public ForwardRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        body = body == null ? new byte[0] : body;
    }
}
