package io.smartlb.api;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The methods each API path accepts, for the {@code Allow} header a 405 must carry (RFC 9110,
 * section 15.5.6); Quarkus REST answers 405 without one. A table rather than reflection over the
 * resources, so that it also holds in a native image; {@code AllowedMethodsTest} checks it
 * against the resources' annotations.
 */
final class AllowedMethods {

    private record Route(Pattern path, String methods) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route(Pattern.compile("/jobs/?"), "POST"),
            new Route(Pattern.compile("/jobs/[^/]+/?"), "GET, HEAD, DELETE"),
            new Route(Pattern.compile("/(workers|queue)/?"), "GET, HEAD"),
            new Route(Pattern.compile("/forward/.*"), "GET, HEAD, POST, PUT, PATCH, DELETE"));

    private AllowedMethods() {
    }

    /** Returns the {@code Allow} value for {@code path} (starting with '/'), if it is an API path. */
    static Optional<String> forPath(String path) {
        for (Route route : ROUTES) {
            if (route.path().matcher(path).matches()) {
                return Optional.of(route.methods());
            }
        }
        return Optional.empty();
    }

    /** Returns the {@code Allow} header for a path accepting {@code methods}: every API path also answers OPTIONS. */
    static String withOptions(String methods) {
        return methods + ", OPTIONS";
    }
}
