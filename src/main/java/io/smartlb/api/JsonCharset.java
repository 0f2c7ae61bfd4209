package io.smartlb.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a JSON body declared in a charset other than UTF-8 with 415: JSON between systems is
 * UTF-8 (RFC 8259, section 8.1), and the parser reads it so whatever the header says, which turned
 * a Latin-1 body into "Invalid UTF-8 middle byte". {@code /forward} passes bodies through unread.
 */
public class JsonCharset {

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || request.getUriInfo().getPath().startsWith("/forward/")) {
            return Optional.empty();
        }
        String charset = type.getParameters().entrySet().stream()
                .filter(parameter -> parameter.getKey().equalsIgnoreCase(MediaType.CHARSET_PARAMETER))
                .map(Map.Entry::getValue).findFirst().orElse("utf-8");
        if (charset.equalsIgnoreCase("utf-8")) {
            return Optional.empty();
        }
        return Optional.of(Problems.problem(415, "Content-Type: JSON is read as UTF-8, not charset=" + charset, Map.of()).build());
    }
}
