package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        List<Path> jars;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jars = files.filter(p -> p.getFileName().toString().matches("smart-load-balancer-.*\\.jar")).toList();
        }
        assertThat(jars).as("the library jar; run mvn verify").hasSize(1);
        try (JarFile jar = new JarFile(jars.get(0).toFile())) {
            assertThat(jar.getEntry("META-INF/beans.xml")).isNotNull();
            assertThat(jar.getEntry("io/smartlb/service/BalancerService.class")).isNotNull();
        }
    }
}
