package io.smartlb.service;

import io.smallrye.common.annotation.Identifier;
import io.smartlb.backend.Backend;
import io.smartlb.backend.HttpBackend;
import io.smartlb.backend.SimulatedBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** The built-in backends as CDI beans named by {@code @Identifier}, built from the configuration. */
@Dependent
class BuiltInBackends {

    private static final Logger LOG = Logger.getLogger(BuiltInBackends.class);
    private static final Pattern UNDERSCORED_HOST = Pattern.compile("[A-Za-z0-9.-]*_[A-Za-z0-9._-]*(:[0-9]+)?");

    @Produces
    @ApplicationScoped
    @Identifier(SimulatedBackend.NAME)
    Backend simulated(BalancerConfig config) {
        return new SimulatedBackend(config.simulated().loadTime(), config.simulated().processTime());
    }

    @Produces
    @ApplicationScoped
    @Identifier(HttpBackend.NAME)
    Backend http(BalancerConfig config) {
        BalancerConfig.Http http = config.http();
        List<URI> upstreams = upstreams(http.upstreams().orElse(List.of()));
        if (!http.path().startsWith("/")) {
            throw new InvalidConfigException("balancer.http.path", "must start with /: '" + http.path() + "'");
        }
        requestPath("balancer.http.path", http.path(), "{model}");
        requestPath("balancer.http.health-path", http.healthPath(), null);
        modelHeader(http.modelHeader());
        if (!http.healthPath().startsWith("/")) {
            throw new InvalidConfigException("balancer.http.health-path", "must start with /: '" + http.healthPath() + "'");
        }
        // ConfigChecks has checked the timeouts and the size
        Duration timeout = http.timeout();
        return new HttpBackend(upstreams, http.path(), http.modelHeader(), timeout, http.healthPath(), http.healthTimeout(),
                HttpBackend.newClient(timeout), maxResponseBytes(http, upstreams.size(), Runtime.getRuntime().maxMemory()));
    }

    // as set (with a warning where answers that long on every upstream may take more than the
    // heap: an OutOfMemoryError ends a worker's loop), or what the heap can take, at most 16M
    static long maxResponseBytes(BalancerConfig.Http http, int upstreams, long heapBytes) {
        if (http.maxResponseSize().isEmpty()) {
            long limit = ResponseSizeLimit.byDefault(heapBytes, upstreams);
            if (limit < ResponseSizeLimit.MOST_BY_DEFAULT) {
                LOG.infof("balancer.http.max-response-size is unset: %d bytes, so that %d upstreams answering that much at once"
                        + " take at most half of this JVM's %d MiB heap; set it (and -Xmx) for longer answers", limit, upstreams,
                        heapBytes >> 20);
            }
            return limit;
        }
        long limit = http.maxResponseSize().get().asLongValue();
        if (ResponseSizeLimit.outgrowsHeap(limit, heapBytes, upstreams)) {
            LOG.warnf("balancer.http.max-response-size=%d bytes: %d upstreams answering that much at once may need %d MiB of"
                    + " heap, and this JVM has %d MiB; an OutOfMemoryError would end a worker's loop. Lower it, or raise -Xmx",
                    limit, upstreams, limit * ResponseSizeLimit.HEAP_PER_ANSWER_BYTE * upstreams >> 20, heapBytes >> 20);
        }
        return limit;
    }

    // a path (with its placeholder, if any, filled in) must make a valid URI; no other braces
    private static void requestPath(String key, String path, String placeholder) {
        String filled = placeholder == null ? path : path.replace(placeholder, "m");
        if (filled.indexOf('{') >= 0 || filled.indexOf('}') >= 0) {
            throw new InvalidConfigException(key, "'" + path + "': "
                    + (placeholder == null ? "braces are not allowed" : "only " + placeholder + " is replaced; other braces are not allowed"));
        }
        try {
            new URI("http://upstream" + filled);
        } catch (URISyntaxException e) {
            throw new InvalidConfigException(key, "'" + path + "' is not a valid URL path: " + e.getReason());
        }
    }

    // the JDK client refuses some names (Content-Length, Host, ...) and anything not a header token
    private static void modelHeader(String name) {
        try {
            HttpRequest.newBuilder(URI.create("http://upstream/")).header(name, "m");
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("balancer.http.model-header", "'" + name + "' cannot be sent: " + e.getMessage());
        }
    }

    private static List<URI> upstreams(List<String> values) {
        if (values.isEmpty()) {
            throw new InvalidConfigException("balancer.http.upstreams",
                    "required with balancer.backend=http, e.g. http://gpu-0:8000,http://gpu-1:8000");
        }
        if (values.size() > ConfigChecks.MAX_WORKERS) {
            throw new InvalidConfigException("balancer.http.upstreams", values.size() + " URLs; use at most "
                    + ConfigChecks.MAX_WORKERS + ", as for balancer.workers (each is a worker with a thread of its own)");
        }
        List<URI> uris = new ArrayList<>();
        for (String given : values) {
            String value = withoutCredentials(given);  // the messages below never show a password
            try {
                URI uri = withLowerCaseScheme(new URI(given.trim()));  // schemes are case-insensitive: HTTP://
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new URISyntaxException(value, "not an absolute http(s) URL");
                }
                if (uri.getHost() == null && uri.getRawAuthority() != null && UNDERSCORED_HOST.matcher(uri.getRawAuthority()).matches()) {
                    // java.net.URI (and so the HTTP client) takes host names of letters, digits, '-' and
                    // '.'; a docker-compose service name may have '_' (only such an authority is shown:
                    // another may hold part of a password)
                    throw new InvalidConfigException("balancer.http.upstreams", "'" + value + "': '" + uri.getRawAuthority()
                            + "' is not a host name the HTTP client takes: use letters, digits, '-' and '.' (no '_')");
                }
                if (uri.getHost() == null) {
                    throw new URISyntaxException(value, "not an absolute http(s) URL");
                }
                if (uri.getRawUserInfo() != null) {
                    // the client would not send them, and every job view and log line would show them
                    throw new InvalidConfigException("balancer.http.upstreams", "'" + value + "' carries credentials"
                            + " (user:password@), which the http backend does not send; give the URL without them");
                }
                if (uri.getPort() > 65_535) {
                    throw new InvalidConfigException("balancer.http.upstreams", "'" + value + "': port " + uri.getPort()
                            + " is over 65535");
                }
                if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                    throw new InvalidConfigException("balancer.http.upstreams", "'" + value
                            + "' has a query or fragment; give the path in balancer.http.path");
                }
                uris.add(uri);
            } catch (URISyntaxException e) {
                throw new InvalidConfigException("balancer.http.upstreams", "'" + value + "' is not an http(s) URL");
            }
        }
        return uris;
    }

    private static URI withLowerCaseScheme(URI uri) throws URISyntaxException {
        String scheme = uri.getScheme();
        if (scheme == null || scheme.equals(scheme.toLowerCase(Locale.ROOT))) {
            return uri;
        }
        return new URI(scheme.toLowerCase(Locale.ROOT) + uri.toString().substring(scheme.length()));
    }

    // user:password@ in a URL, shown as ***@: up to the last @, which a password may contain, as it
    // may contain a slash
    private static String withoutCredentials(String url) {
        return url.replaceFirst("^(\\s*[^:/?#\\s]+://).*@", "$1***@");
    }
}
