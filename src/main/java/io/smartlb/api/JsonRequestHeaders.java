package io.smartlb.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Refuses with 415 a job body ({@code POST /jobs}) whose headers do not say UTF-8 JSON: no
 * {@code Content-Type}, or an empty or wildcard one (the parser would guess); a charset other than
 * UTF-8 or US-ASCII (JSON between systems is UTF-8, RFC 8259 section 8.1, and the parser reads it
 * so whatever the header says, which turned a Latin-1 body into "Invalid UTF-8 middle byte"); or a
 * {@code Content-Encoding} such as gzip, which is not decoded (RFC 7694). Another media type is
 * refused by the resource itself; the body's bytes are checked by {@link Utf8Body}. Other requests
 * are left alone: they carry no body, or {@code /forward} passes it through unread.
 */
public class JsonRequestHeaders {

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() != JobResource.class || !resource.getMethodName().equals("submit")) {
            return Optional.empty();  // only the job body is read as JSON; other requests have none, or pass it through
        }
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (IllegalArgumentException e) {  // an empty or blank header: no media type to parse
            return refuse("Content-Type: '" + String.valueOf(request.getHeaderString(HttpHeaders.CONTENT_TYPE)).strip()
                    + "' is not a media type; send application/json");
        }
        if (type == null) {
            return refuse("Content-Type: missing; send application/json");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return refuse("Content-Type: " + type.getType() + "/" + type.getSubtype() + " names no type; send application/json");
        }
        if (!type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return Optional.empty();  // the resource refuses it, saying what it reads
        }
        String encoding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            return refuse("Content-Encoding: " + encoding.strip() + " is not decoded; send the JSON as it is");
        }
        String charset = type.getParameters().entrySet().stream()
                .filter(parameter -> parameter.getKey().equalsIgnoreCase(MediaType.CHARSET_PARAMETER))
                .map(Map.Entry::getValue).findFirst().orElse("utf-8");
        if (isUtf8(charset)) {
            return Optional.empty();
        }
        return refuse("Content-Type: JSON is read as UTF-8, not charset=" + charset);
    }

    // UTF-8 by any of its names (utf8, unicode-1-1-utf-8), or US-ASCII, which UTF-8 contains
    private static boolean isUtf8(String charset) {
        try {
            Charset named = Charset.forName(charset.strip());
            return named.equals(StandardCharsets.UTF_8) || named.equals(StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return false;  // unknown or malformed name
        }
    }

    private static Optional<Response> refuse(String detail) {
        return Optional.of(Problems.problem(415, detail, Map.of()).build());
    }
}
