package io.smartlb.service;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Instance;
import java.util.Set;
import java.util.TreeSet;

/** Picks a bean by its {@code @Identifier} at run time, failing with the known names. */
final class NamedBeans {

    private NamedBeans() {
    }

    /**
     * Returns the bean called {@code name}.
     *
     * @throws InvalidConfigException naming {@code key} and the known names when none matches
     */
    static <T> T select(Instance<T> beans, String name, String key, String kind) {
        Instance<T> chosen = beans.select(Identifier.Literal.of(name));
        if (chosen.isResolvable()) {
            return chosen.get();
        }
        throw new InvalidConfigException(key,
                kind + " '" + name + "' not found; known: " + String.join(", ", names(beans)));
    }

    /** Returns the identifiers of the beans, sorted. */
    static Set<String> names(Instance<?> beans) {
        Set<String> names = new TreeSet<>();
        for (Instance.Handle<?> handle : beans.handles()) {
            handle.getBean().getQualifiers().stream()
                    .filter(Identifier.class::isInstance)
                    .map(q -> ((Identifier) q).value())
                    .forEach(names::add);
        }
        return names;
    }
}
