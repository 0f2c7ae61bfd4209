package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A bad {@code balancer.*} value stops the packaged service at startup with a line naming the key
 * (design.md section 6). Runs the jar that {@code mvn package} built, as a user would.
 */
final class StartupFailureIT {


    /** The exit code and everything the process printed. */
    private record Run(int exitCode, String output) {
    }

    private static Run start(String... properties) throws IOException, InterruptedException {
        return run(List.of(properties), List.of());
    }

    private static Run run(List<String> properties, List<String> arguments) throws IOException, InterruptedException {
        List<String> settings = new ArrayList<>(List.of("quarkus.http.port=0", "quarkus.http.test-port=0"));
        settings.addAll(properties);
        List<String> command = PackagedApp.command(settings, arguments);
        Path log = Files.createTempFile("smartlb-startup", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            assertThat(exited).as("the app stopped by itself; output:%n%s", Files.readString(log)).isTrue();
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    @Test
    void startup_unknownStrategy_failsNamingTheKeyAndTheKnownNames() throws Exception {
        Run run = start("balancer.strategy=nope");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("balancer.strategy: strategy 'nope' not found; known: ")
                .containsPattern("known: .*affinity, exclusive-affinity, fifo");
    }

    @Test
    void startup_anArgument_isRefusedWithUsageNotIgnored() throws Exception {
        Run run = run(List.of(), List.of("--serve"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).startsWith("smartlb: unknown argument '--serve'.").contains("usage: ")
                .doesNotContain("Listening on");
    }

    @Test
    void startup_help_printsUsageAndExits0() throws Exception {
        Run run = run(List.of(), List.of("--help"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).startsWith("usage: java -jar quarkus-run.jar").contains("simulate --help")
                .doesNotContain("Listening on");
    }

    @Test
    void startup_sizeOverALong_failsWithOneLineNamingTheKey() throws Exception {
        Run run = start("balancer.queue.max-bytes=1Y");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output().strip()).isEqualTo("balancer.queue.max-bytes: 1208925819614629174706176 bytes is too large;"
                + " use less than 8E (at most 9223372036854775807, a long)");
    }

    @Test
    void startup_unknownBackend_failsNamingTheKey() throws Exception {
        Run run = start("balancer.backend=gpu");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("balancer.backend: backend 'gpu' not found; known: ");
    }

    @Test
    void startup_negativeDuration_failsNamingTheKey() throws Exception {
        Run run = start("balancer.queue.max-wait=-1s");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("balancer.queue.max-wait: ");
    }

    @Test
    void startup_intervalUnderOneSecond_failsWithOneLine_withoutTheSchedulersWarning() throws Exception {
        Run run = start("balancer.housekeeping-interval=500ms");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output().strip()).isEqualTo("balancer.housekeeping-interval: 500ms is under the scheduler's 1s;"
                + " use 1s or more");
    }

    @Test
    void startup_zeroWorkers_failsNamingTheKey() throws Exception {
        Run run = start("balancer.workers=0");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output().strip()).isEqualTo("balancer.workers: 0 is out of range; use 1 to 1024");
    }
}
