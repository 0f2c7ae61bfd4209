package io.smartlb.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers {@code OPTIONS} on an API path with the methods that path accepts ({@link AllowedMethods});
 * Quarkus REST's own answer lists every method of the resource class, so {@code OPTIONS /jobs}
 * offered GET, HEAD and DELETE, which answer 405 there.
 */
public class OptionsRequests {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> answer(ContainerRequestContext request) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod())) {
            return Optional.empty();
        }
        return AllowedMethods.forPath(request.getUriInfo().getPath())
                .map(methods -> Response.ok().header("Allow", AllowedMethods.withOptions(methods)).build());
    }
}
