package io.smartlb.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine is framework-free: io.smartlb.core and its subpackages import only the JDK. */
final class CoreImportsTest {

    private static final Path CORE = Path.of("src/main/java/io/smartlb/core");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void core_importsOnlyJdkAndCore() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(CORE)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(10);
        for (Path source : sources) {
            Matcher m = IMPORT.matcher(Files.readString(source));
            while (m.find()) {
                assertThat(m.group(2))
                        .as("import in %s", source)
                        .matches("(java\\.|io\\.smartlb\\.core\\.).*");
            }
        }
    }
}
