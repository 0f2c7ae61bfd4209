package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged app an integration test starts as a process: the native executable when the build
 * made one ({@code -Dnative}, which makes no jar), else the jar.
 */
final class PackagedApp {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private PackagedApp() {
    }

    /** Returns the command that starts the app with {@code properties} (key=value) and then {@code arguments}. */
    static List<String> command(List<String> properties, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (Boolean.getBoolean("smartlb.it.native")) {
            Path runner = Path.of(System.getProperty("native.image.path"));
            assertThat(runner).as("the native executable; run mvn verify -Dnative").exists();
            command.add(runner.toString());
        } else {
            assertThat(JAR).as("the packaged app; run mvn verify").exists();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        for (String property : properties) {
            command.add("-D" + property);
        }
        if (!Boolean.getBoolean("smartlb.it.native")) {
            command.addAll(List.of("-jar", JAR.toString()));
        }
        command.addAll(arguments);
        return command;
    }
}
