package io.smartlb.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The simulator may use the JDK, the core and Jackson only (design.md section 2). */
final class SimImportsTest {

    private static final List<String> ALLOWED = List.of("java.", "io.smartlb.core", "com.fasterxml.jackson.");

    @Test
    void simPackage_importsOnlyJdkCoreAndJackson() throws IOException {
        Path sources = Path.of("src/main/java/io/smartlb/sim");
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.strip();
                    if (trimmed.startsWith("import ")) {
                        String name = trimmed.substring("import ".length()).replace("static ", "");
                        if (ALLOWED.stream().noneMatch(name::startsWith)) {
                            offending.add(file.getFileName() + ": " + trimmed);
                        }
                    }
                }
            }
        }

        assertThat(sources).isDirectory();
        assertThat(offending).isEmpty();
    }
}
