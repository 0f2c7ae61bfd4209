package io.smartlb.backend;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers a pass-through carries on: all but the hop-by-hop ones (RFC 9110, section 7.6.1),
 * which belong to one connection, and the ones each side sets itself (host, length, the body's
 * type, which travels apart).
 */
public final class ForwardHeaders {

    private static final Set<String> NOT_PASSED = Set.of(
            "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te",
            "trailer", "transfer-encoding", "upgrade", "host", "content-length", "content-type", "expect");

    private ForwardHeaders() {
    }

    /**
     * Returns the headers of {@code headers} to pass on, names in lower case, without {@code skip}
     * (e.g. the model header, which the backend sets itself) and without those the
     * {@code Connection} header names.
     */
    public static Map<String, List<String>> passed(Map<String, List<String>> headers, String skip) {
        Set<String> named = connectionOptions(headers);
        Map<String, List<String>> passed = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (!NOT_PASSED.contains(key) && !named.contains(key) && !key.equals(skip) && !key.startsWith(":")) {
                passed.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
            }
        });
        return passed;
    }

    private static Set<String> connectionOptions(Map<String, List<String>> headers) {
        Set<String> named = new HashSet<>();
        headers.forEach((name, values) -> {
            if (name.equalsIgnoreCase("connection")) {
                values.forEach(v -> {
                    for (String option : v.split(",")) {
                        named.add(option.trim().toLowerCase(Locale.ROOT));
                    }
                });
            }
        });
        return named;
    }
}
