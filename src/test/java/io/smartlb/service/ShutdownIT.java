package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM on the packaged service (README, "Shutdown"): at once readiness goes DOWN and new jobs
 * get 503, while the HTTP layer still serves; queued jobs run, a poller reads their results while
 * the others drain, and a client waiting on the last one gets its answer; then the process exits.
 */
final class ShutdownIT {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private Path log;

    @AfterEach
    void stop() throws IOException {
        if (process != null) {
            process.destroyForcibly();
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void sigterm_refusesNewJobs_turnsReadinessDown_andAnswersTheClientsOfQueuedJobs() throws Exception {
        String base = start("balancer.workers=1", "balancer.simulated.load-time=1s");
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> accepted = post(base + "/jobs?wait=false", "{\"model\":\"m" + i % 2 + "\"}");
            assertThat(accepted.statusCode()).isEqualTo(202);
            queued.add(accepted.headers().firstValue("Location").orElseThrow());
        }
        CompletableFuture<HttpResponse<String>> waiting = client.sendAsync(
                json(base + "/jobs", "{\"model\":\"m9\"}"), HttpResponse.BodyHandlers.ofString());
        await().atMost(PATIENCE).until(() -> get(base + "/queue").body().contains("\"m9\""));

        process.destroy();  // SIGTERM

        await().atMost(PATIENCE).until(() -> get(base + "/q/health/ready").statusCode() == 503);
        HttpResponse<String> refused = post(base + "/jobs?wait=false", "{\"model\":\"m1\"}");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();

        String first = URI.create(base).resolve(queued.get(0)).toString();
        await().atMost(PATIENCE).until(() -> get(first).body().contains("\"status\":\"DONE\""));
        HttpResponse<String> answered = waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.body()).contains("\"status\":\"DONE\"");

        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the process exited").isTrue();
        assertThat(process.exitValue()).as("128 + SIGTERM, as README says").isEqualTo(143);
        // the one worker was busy at SIGTERM: m9 still waited behind a running job
        assertThat(Files.readString(log)).containsPattern("draining: \\d+ jobs queued and 1 running")
                .doesNotContain("Timed out waiting for graceful shutdown");
    }

    @Test
    void sigterm_drainTimeoutPassing_failsTheQueuedJobs_andSumsThemUpInOneLogLine() throws Exception {
        String base = start("balancer.workers=1", "balancer.simulated.load-time=20s",
                "balancer.shutdown.drain-timeout=1s");
        for (int i = 0; i < 20; i++) {
            assertThat(post(base + "/jobs?wait=false", "{\"model\":\"m1\"}").statusCode()).isEqualTo(202);
        }
        await().atMost(PATIENCE).until(() -> get(base + "/queue").body().contains("\"size\":19"));

        process.destroy();  // SIGTERM

        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the process exited").isTrue();
        assertThat(Files.readString(log))
                .contains("drain timeout 1s passed; the jobs left were failed: 19 queued")
                .doesNotContain("failed while queued")
                .containsOnlyOnce("failed on worker 0: shutting down: the drain timeout passed while the job ran");
    }

    // starts the app on a free loopback port and returns its base address once it answers
    private String start(String... properties) throws Exception {
        List<String> settings = new ArrayList<>(List.of("quarkus.http.host=127.0.0.1", "quarkus.http.port=0"));
        settings.addAll(List.of(properties));
        List<String> command = PackagedApp.command(settings, List.of());
        log = Files.createTempFile("smartlb-shutdown", ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String[] base = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Matcher listening = LISTENING.matcher(Files.readString(log));
            if (listening.find()) {
                base[0] = "http://127.0.0.1:" + listening.group(1);
            }
            return base[0] != null || !process.isAlive();
        });
        assertThat(base[0]).as("the app started; output:%n%s", Files.readString(log)).isNotNull();
        return base[0];
    }

    private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String uri, String body) throws IOException, InterruptedException {
        return client.send(json(uri, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest json(String uri, String body) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(PATIENCE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
