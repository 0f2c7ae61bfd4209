package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plain jar a Quarkus application depends on to embed the service (README, Embedding): it must
 * be a bean archive, or that application's build fails with an unsatisfied BalancerService.
 */
final class LibraryJarIT {

    @Test
    void libraryJar_isABeanArchive() throws IOException {
        try (JarFile jar = libraryJar()) {
            assertThat(jar.getEntry("META-INF/beans.xml")).isNotNull();
            assertThat(jar.getEntry("io/smartlb/service/BalancerService.class")).isNotNull();
        }
    }

    @Test
    void libraryJar_hasNoQuarkusMain_soTheApplicationKeepsItsOwn() throws IOException {
        // an annotated main in a dependency becomes the application's main, or fails its build
        // ("More than one @QuarkusMain method found") when it has its own
        try (JarFile jar = libraryJar()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().endsWith(".class")) {
                    String bytes = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertThat(bytes.contains("io/quarkus/runtime/annotations/QuarkusMain"))
                            .as(entry.getName() + " is annotated @QuarkusMain").isFalse();
                }
            }
        }
    }

    private static JarFile libraryJar() throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jars = files.filter(p -> p.getFileName().toString().matches("smart-load-balancer-.*\\.jar")).toList();
        }
        assertThat(jars).as("the library jar; run mvn verify").hasSize(1);
        return new JarFile(jars.get(0).toFile());
    }
}
