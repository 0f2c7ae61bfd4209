package io.smartlb.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Allow table against the resources' own annotations: every resource method is listed. */
final class AllowedMethodsTest {

    private static final List<Class<?>> RESOURCES = List.of(JobResource.class, StatusResource.class, ForwardResource.class);

    @Test
    void everyResourceMethod_isAllowedOnItsPath() {
        int checked = 0;
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                Optional<String> verb = httpMethod(method);
                if (verb.isEmpty()) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = samplePath(base, sub == null ? "" : sub.value());
                assertThat(AllowedMethods.forPath(path)).as(verb.get() + " " + path)
                        .hasValueSatisfying(allow -> assertThat(allow.split(", ")).contains(verb.get()));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(10);
    }

    @Test
    void otherPaths_haveNoEntry() {
        assertThat(AllowedMethods.forPath("/no-such-thing")).isEmpty();
        assertThat(AllowedMethods.forPath("/jobs/1/more")).isEmpty();
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(Annotation::annotationType)
                .map(type -> type.getAnnotation(HttpMethod.class))
                .filter(a -> a != null)
                .map(HttpMethod::value)
                .findFirst();
    }

    // a concrete path for a template: each {param} (with or without a regex) becomes "x/y"
    private static String samplePath(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        String path = joined.replaceAll("\\{[^}]*}", "x1");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
