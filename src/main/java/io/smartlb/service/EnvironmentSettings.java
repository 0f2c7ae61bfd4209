package io.smartlb.service;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables that set {@code balancer.*} keys ({@code BALANCER_HTTP_TIMEOUT} for
 * {@code balancer.http.timeout}), and those that look like one but set none. A key misspelt as a
 * system property or in {@code application.properties} stops startup, but the configuration cannot
 * tell a misspelt environment variable from another program's: a typo in a ConfigMap (
 * {@code BALANCER_WOKERS}) would be ignored in silence. The keys are read from the mapping's
 * methods, registered for reflection so that a native image reads them too.
 */
@RegisterForReflection(targets = {BalancerConfig.class, BalancerConfig.Strategies.class, BalancerConfig.Strategies.Affinity.class,
        BalancerConfig.Strategies.ExclusiveAffinity.class, BalancerConfig.Strategies.Adaptive.class, BalancerConfig.Queue.class,
        BalancerConfig.Jobs.class, BalancerConfig.Simulated.class, BalancerConfig.Http.class, BalancerConfig.Shutdown.class,
        BalancerConfig.Metrics.class})
final class EnvironmentSettings {

    private static final String PREFIX = "BALANCER_";
    private static final int MOST_EDITS_SUGGESTED = 3;
    // what Kubernetes sets for a Service named balancer in the namespace (service links), and one
    // element of a list key (BALANCER_HTTP_UPSTREAMS_0_): not typos
    private static final Pattern NOT_A_KEY = Pattern.compile(
            "BALANCER_(SERVICE_HOST|SERVICE_PORT(_.*)?|PORT(_[0-9]+_(TCP|UDP|SCTP)(_(ADDR|PORT|PROTO))?)?)");
    private static final Pattern LIST_ELEMENT = Pattern.compile("(.*)_[0-9]+_");

    private EnvironmentSettings() {
    }

    /**
     * Returns the environment variable of every key of {@link BalancerConfig}, read from its
     * methods (the mapping's names: {@code maxResponseSize} is {@code max-response-size}); empty
     * where its methods cannot be read, so that nothing is then called unknown.
     */
    static Set<String> known() {
        Set<String> names = new TreeSet<>();
        try {
            collect(BalancerConfig.class, "balancer", names);
        } catch (RuntimeException | LinkageError e) {
            return Set.of();
        }
        return names;
    }

    /** Returns one line for each {@code BALANCER_*} variable of {@code environment} that sets no key. */
    static List<String> warnings(Map<String, String> environment, Set<String> known) {
        List<String> warnings = new ArrayList<>();
        if (known.isEmpty()) {
            return warnings;
        }
        for (String name : new TreeSet<>(environment.keySet())) {
            if (name.startsWith(PREFIX) && !known.contains(name) && !NOT_A_KEY.matcher(name).matches() && !isListElement(name, known)) {
                String closest = closest(name, known);
                warnings.add("environment variable " + name + " sets no balancer.* key and is ignored"
                        + (closest == null ? "" : "; did you mean " + closest + "?"));
            }
        }
        return warnings;
    }

    private static boolean isListElement(String name, Set<String> known) {
        Matcher element = LIST_ELEMENT.matcher(name);
        return element.matches() && known.contains(element.group(1));
    }

    private static void collect(Class<?> group, String path, Set<String> names) {
        for (Method method : group.getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                continue;
            }
            String key = path + "." + kebab(method.getName());
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getName().startsWith(BalancerConfig.class.getName() + "$")) {
                collect(type, key, names);
            } else {
                names.add(key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
            }
        }
    }

    // maxResponseSize -> max-response-size, as the mapping names its keys
    private static String kebab(String name) {
        StringBuilder kebab = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }

    // the known name fewest edits away, if a typo could explain it
    private static String closest(String name, Set<String> known) {
        String best = null;
        int bestEdits = MOST_EDITS_SUGGESTED + 1;
        for (String candidate : known) {
            int edits = edits(name, candidate);
            if (edits < bestEdits) {
                best = candidate;
                bestEdits = edits;
            }
        }
        return best;
    }

    // Levenshtein distance
    private static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
