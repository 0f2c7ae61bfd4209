package io.smartlb.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartlb.core.Balancer;
import io.smartlb.core.JobFailedException;
import io.smartlb.core.JobHandle;
import io.smartlb.core.JobStatus;
import io.smartlb.core.NotDeliveredException;
import io.smartlb.core.Task;
import io.smartlb.core.WorkerSnapshot;
import io.smartlb.core.WorkerState;
import io.smartlb.core.strategy.Affinity;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The http backend against real HTTP model servers on 127.0.0.1, through the core runtime. */
final class HttpBackendTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long MAX_RESPONSE = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<FakeModelServer> servers = new ArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private Balancer<JsonNode, JsonNode> balancer;
    private HttpBackend backend;

    private void start(long loadMillis, int count) throws IOException {
        start(loadMillis, count, "/");
    }

    private void start(long loadMillis, int count, String path) throws IOException {
        List<URI> upstreams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FakeModelServer server = new FakeModelServer("gpu-" + i, loadMillis).start();
            servers.add(server);
            upstreams.add(URI.create(server.url()));
        }
        backend = new HttpBackend(upstreams, path, "X-Model", TIMEOUT, "/health", TIMEOUT, HttpBackend.newClient(TIMEOUT), MAX_RESPONSE);
        balancer = Balancer.<JsonNode, JsonNode>builder(backend::run)
                .workers(count).strategy(new Affinity()).executor(executor).capacity(1000).build();
    }

    @AfterEach
    void stop() {
        if (balancer != null) {
            balancer.close();
        }
        executor.shutdownNow();
        servers.forEach(FakeModelServer::close);
    }

    private static JsonNode result(JobHandle<JsonNode, JsonNode> job) {
        return job.result().orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    // a failed probe is a no that says why: the message of the stage's failure
    private static String whyDown(HttpBackend backend, int seconds) {
        CompletableFuture<Boolean> probe = backend.probe(0).toCompletableFuture();
        assertThatThrownBy(() -> probe.get(seconds, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
        return probe.handle((up, failure) -> failure.getCause().getMessage()).join();
    }

    // a backend whose probes time out after 300 ms, its requests only after 5 minutes
    private static HttpBackend probingFor300Ms(String upstream, String healthPath) {
        Duration requestTimeout = Duration.ofMinutes(5);
        return new HttpBackend(List.of(URI.create(upstream)), "/", "X-Model", requestTimeout, healthPath, Duration.ofMillis(300),
                HttpBackend.newClient(requestTimeout), MAX_RESPONSE);
    }

    // a backend on the first server whose requests and probes time out after timeout
    private HttpBackend withTimeout(String path, Duration timeout) {
        return new HttpBackend(List.of(URI.create(servers.get(0).url())), path, "X-Model",
                timeout, "/health", timeout, HttpBackend.newClient(timeout), MAX_RESPONSE);
    }

    @Test
    void run_sendsDataAndModelHeader_returnsUpstreamJson() throws Exception {
        start(0, 1);
        JsonNode result = result(balancer.submit("m1", JSON.readTree("{\"text\":\"hi\"}"), 0));
        assertThat(result.get("model").asText()).isEqualTo("m1");
        assertThat(result.get("echo").get("text").asText()).isEqualTo("hi");
        assertThat(result.get("server").asText()).isEqualTo("gpu-0");
    }

    @Test
    void run_answerWithoutABody_resultIsJsonNull() throws Exception {
        start(0, 1, "/empty");  // the fake server answers 204 there

        JsonNode result = result(balancer.submit("m1", null, 0));

        assertThat(result.isNull()).as("result %s", result).isTrue();
    }

    @Test
    void run_textAnswerInADeclaredCharset_isReadInIt() throws Exception {
        start(0, 1, "/latin1");

        assertThat(result(balancer.submit("m1", null, 0)).asText()).isEqualTo("café");
    }

    @Test
    void run_jsonAnswerInADeclaredCharset_andAnyCase_isJson() throws Exception {
        start(0, 1, "/latin1-json");

        assertThat(result(balancer.submit("m1", null, 0)).get("t").asText()).isEqualTo("café");
    }

    @Test
    void run_upstreamErrorInADeclaredCharset_isQuotedInIt() throws Exception {
        start(0, 1, "/latin1-fail");
        JobHandle<JsonNode, JsonNode> job = balancer.submit("m1", null, 0);

        assertThatThrownBy(() -> result(job)).hasRootCauseInstanceOf(UpstreamException.class);
        assertThat(job.error()).endsWith("answered 500: modèle introuvable");
    }

    @Test
    void run_numbersInDataAndAnswer_keepEveryDigit() throws Exception {
        start(0, 1);
        BigDecimal pi = new BigDecimal("3.14159265358979323846264338327950288");
        BigDecimal huge = new BigDecimal("1E+999");  // a double would read Infinity
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("pi", pi).put("huge", huge);

        // the fake server answers the request body as it came, inside its own JSON
        JsonNode echo = result(balancer.submit("m1", data, 0)).get("echo");

        assertThat(echo.get("pi").decimalValue()).isEqualTo(pi);
        assertThat(echo.get("huge").isNumber()).isTrue();
        assertThat(echo.get("huge").decimalValue()).isEqualTo(huge);
    }

    @Test
    void run_groupsJobsByModel_loadsFarBelowJobs() throws Exception {
        start(30, 2);
        // 40 jobs over 4 models queue up while the two servers load their first models
        List<JobHandle<JsonNode, JsonNode>> jobs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            jobs.add(balancer.submit("m" + (i % 4), null, 0));
        }
        jobs.forEach(HttpBackendTest::result);
        int loads = servers.stream().mapToInt(FakeModelServer::loads).sum();
        assertThat(servers.stream().mapToInt(s -> s.served().size()).sum()).isEqualTo(40);
        // arrival order would switch on nearly every job; affinity loads each model about once
        assertThat(loads).isLessThanOrEqualTo(8);
        assertThat(balancer.workers().stream().mapToLong(WorkerSnapshot::loads).sum()).isEqualTo(loads);
    }

    @Test
    void run_upstreamError_failsJobWithStatusAndBodyStart() throws Exception {
        start(0, 1);
        HttpBackend failing = new HttpBackend(List.of(URI.create(servers.get(0).url())), "/fail", "X-Model",
                TIMEOUT, "/health", TIMEOUT, HttpBackend.newClient(TIMEOUT), MAX_RESPONSE);
        assertThatThrownBy(() -> failing.run(new Task<>(0, 1, "m1", true, null, System::nanoTime)))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.upstreamStatus()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("answered 500: model server exploded");
                });
    }

    @Test
    void run_upstreamStallingMidAnswer_failsAtTheTimeout() throws Exception {
        start(0, 1);
        HttpBackend stalling = withTimeout("/stall", Duration.ofMillis(500));

        assertThatThrownBy(() -> stalling.run(new Task<>(0, 1, "m1", true, null, System::nanoTime)))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.getMessage()).contains("timed out after 500 ms (its answer began with status 200)");
                    assertThat(e.upstreamStatus()).isEqualTo(200);
                });
    }

    @Test
    void probe_upstreamThatNeverAnswers_isDownAfterTheProbeTimeout_notTheRequestTimeout() throws Exception {
        // the kernel accepts connections into the backlog; nothing ever reads or answers them
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HttpBackend hung = probingFor300Ms("http://127.0.0.1:" + silent.getLocalPort(), "/health");

            assertThat(whyDown(hung, 30)).isEqualTo("upstream http://127.0.0.1:" + silent.getLocalPort()
                    + "/health did not answer within 300 ms");
        }
    }

    @Test
    void probe_healthAnswerThatStallsAfterItsHead_isDownAfterTheProbeTimeout() throws Exception {
        start(0, 1);  // its /stall sends a head and 5 of 100 bytes, then nothing for 10 s
        HttpBackend stalling = probingFor300Ms(servers.get(0).url(), "/stall");

        // without a deadline over the body, the probe ended only when the upstream gave up, after 10 s
        assertThat(whyDown(stalling, 5)).isEqualTo("upstream " + servers.get(0).url() + "/stall did not answer within 300 ms");
    }

    @Test
    void probe_thatTimesOut_closesItsConnection() throws Exception {
        try (ServerSocket upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HttpBackend stalling = probingFor300Ms("http://127.0.0.1:" + upstream.getLocalPort(), "/health");
            CompletableFuture<Boolean> probe = stalling.probe(0).toCompletableFuture();
            try (Socket connection = upstream.accept()) {
                connection.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nup".getBytes(StandardCharsets.US_ASCII));
                connection.getOutputStream().flush();
                connection.setSoTimeout(20_000);  // a bound on the test, far past the probe's 300 ms

                // the client ends the exchange: the upstream reads the end of the stream
                assertThat(drain(connection)).isEqualTo(-1);
            }
            assertThat(probe).isCompletedExceptionally();
        }
    }

    // reads what the client sent until it closes the connection; returns -1 then
    private static int drain(Socket connection) throws IOException {
        int read;
        do {
            read = connection.getInputStream().read();
        } while (read != -1);
        return read;
    }

    @Test
    void run_answerOverTheSizeLimit_failsTheJob() throws Exception {
        start(0, 1);
        HttpBackend bounded = new HttpBackend(List.of(URI.create(servers.get(0).url())), "/big", "X-Model",
                TIMEOUT, "/health", TIMEOUT, HttpBackend.newClient(TIMEOUT), 1_000);

        assertThatThrownBy(() -> bounded.run(new Task<>(0, 1, "m1", true, null, System::nanoTime)))
                .isInstanceOf(UpstreamException.class)
                .hasMessageEndingWith("answered with status 200, and smartlb stopped reading: the answer is over"
                        + " balancer.http.max-response-size (1000 bytes)");
        HttpBackend roomy = new HttpBackend(List.of(URI.create(servers.get(0).url())), "/big", "X-Model",
                TIMEOUT, "/health", TIMEOUT, HttpBackend.newClient(TIMEOUT), 10_000);
        assertThat(roomy.run(new Task<>(0, 2, "m1", false, null, System::nanoTime)).asText()).hasSize(9_998);
    }

    @Test
    void run_answerBrokenOff_failsTheJob_withoutSendingItAgain() throws Exception {
        start(0, 2);
        backend = new HttpBackend(servers.stream().map(s -> URI.create(s.url())).toList(), "/truncate", "X-Model",
                TIMEOUT, "/health", TIMEOUT, HttpBackend.newClient(TIMEOUT), MAX_RESPONSE);
        Balancer<JsonNode, JsonNode> truncating = Balancer.<JsonNode, JsonNode>builder(backend::run)
                .workers(2).strategy(new Affinity()).executor(executor).capacity(10).build();
        try {
            JobHandle<JsonNode, JsonNode> job = truncating.submit("m1", null, 0);

            assertThatThrownBy(() -> result(job)).hasCauseInstanceOf(JobFailedException.class);
            assertThat(job.error()).contains("broke off its answer (status 200)");
            // the upstream had the job: sending it to the other could run it twice
            assertThat(servers.stream().mapToInt(s -> s.served().size()).sum()).isEqualTo(1);
        } finally {
            truncating.close();
        }
    }

    @Test
    void run_killedUpstream_jobsAnsweredByTheOtherAndWorkerDown() throws Exception {
        start(20, 2);
        List<JobHandle<JsonNode, JsonNode>> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            jobs.add(balancer.submit("m" + (i % 2), null, 0));
        }
        await().atMost(TIMEOUT).until(() -> !servers.get(0).served().isEmpty());
        servers.get(0).close();
        for (JobHandle<JsonNode, JsonNode> job : jobs) {
            try {
                result(job);
            } catch (CompletionException e) {
                // a job the killed server had already read may fail; none may be lost
                assertThat(e).hasCauseInstanceOf(JobFailedException.class);
            }
        }
        assertThat(jobs).allSatisfy(job -> assertThat(job.status().isFinal()).isTrue());
        long done = jobs.stream().filter(job -> job.result().isDone() && !job.result().isCompletedExceptionally()).count();
        assertThat(done).isGreaterThanOrEqualTo(19);
        assertThat(balancer.workers().get(0).state()).isEqualTo(WorkerState.DOWN);
        assertThat(result(balancer.submit("m0", null, 0)).get("server").asText()).isEqualTo("gpu-1");
    }

    @Test
    void run_everyUpstreamRefusing_jobWaitsUntilOneComesBack() throws Exception {
        start(0, 2);
        result(balancer.submit("m1", null, 0));
        servers.forEach(FakeModelServer::close);
        // a refused connection means the upstream never had the job: it waits, however often that happens
        JobHandle<JsonNode, JsonNode> job = balancer.submit("m1", null, 0);
        await().atMost(TIMEOUT).until(() -> balancer.workers().stream().allMatch(w -> w.state() == WorkerState.DOWN));
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);

        servers.get(1).start();
        balancer.markUp(1);  // as the health probe does
        assertThat(result(job).get("server").asText()).isEqualTo("gpu-1");
    }

    @Test
    void run_answerThatIsNotHttp_failsTheJob_withoutSendingItAgain() throws Exception {
        assertThat(failureOfAnUpstreamAnswering("HELLO THERE\r\n\r\n"))
                .isInstanceOf(UpstreamException.class)
                .hasMessageContaining("answered something that is not HTTP").hasMessageContaining("HELLO THERE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 200 OK\r\n", "HTTP/1.1 2", "{\"ok\":true}", "HTTP/1.1 200 OK\r\nContent-Type: applic"})
    void run_answerBrokenOffInItsHead_failsTheJob_asTheUpstreamHadIt(String answer) throws Exception {
        assertThat(failureOfAnUpstreamAnswering(answer))
                .isInstanceOf(UpstreamException.class)
                .hasMessageContaining("broke off its answer before its head was complete");
    }

    @Test
    void run_connectionClosedBeforeAnyAnswer_isNotDelivered_thoughItMayHaveReachedTheUpstream() throws Exception {
        assertThat(failureOfAnUpstreamAnswering(""))
                .isInstanceOfSatisfying(NotDeliveredException.class, e -> assertThat(e.mayHaveReached()).isTrue())
                .hasMessageContaining("closed the connection");
    }

    // runs one job against an upstream that reads the request, writes answer and closes the connection
    private static Throwable failureOfAnUpstreamAnswering(String answer) throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try (Socket s = raw.accept()) {
                    s.getInputStream().read(new byte[8192]);  // the request's head
                    s.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the test's assertion says what went wrong
                }
            });
            answering.start();
            HttpBackend upstream = new HttpBackend(List.of(URI.create("http://127.0.0.1:" + raw.getLocalPort())), "/",
                    "X-Model", TIMEOUT, "/health", TIMEOUT, HttpBackend.newClient(TIMEOUT), MAX_RESPONSE);
            Throwable failure = catchThrowable(() -> upstream.run(new Task<>(0, 1, "m1", true, null, System::nanoTime)));
            answering.join(TIMEOUT.toMillis());
            return failure;
        }
    }

    @Test
    void run_refusedConnection_isNotDeliveredAndNeverReachedTheUpstream() throws Exception {
        start(0, 1);
        servers.get(0).close();
        assertThatThrownBy(() -> backend.run(new Task<>(0, 1, "m1", true, null, System::nanoTime)))
                .isInstanceOfSatisfying(NotDeliveredException.class, e -> assertThat(e.mayHaveReached()).isFalse())
                .hasMessageContaining("refused the connection");
    }

    @Test
    void run_upstreamAcceptingNoConnection_isNotDeliveredWithinHalfTheTimeout() throws Exception {
        // a listening socket that never accepts: once its backlog is full, new connections hang
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> backlog = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                        backlog.add(s);
                    } catch (IOException e) {
                        s.close();  // the backlog is full
                    }
                }
                Duration timeout = Duration.ofMillis(800);
                HttpBackend stalled = new HttpBackend(List.of(URI.create("http://127.0.0.1:" + full.getLocalPort())), "/",
                        "X-Model", timeout, "/health", timeout, HttpBackend.newClient(timeout), MAX_RESPONSE);

                assertThatThrownBy(() -> stalled.run(new Task<>(0, 1, "m1", true, null, System::nanoTime)))
                        .isInstanceOfSatisfying(NotDeliveredException.class, e -> assertThat(e.mayHaveReached()).isFalse())
                        .hasMessageContaining("did not accept a connection within 400 ms");
            } finally {
                for (Socket s : backlog) {
                    s.close();
                }
            }
        }
    }

    @Test
    void probe_recoveredUpstream_comesBackHoldingNoModel() throws Exception {
        start(0, 2);
        result(balancer.submit("m1", null, 0));
        servers.get(0).close();
        assertThat(whyDown(backend, 10)).isEqualTo("upstream " + servers.get(0).url() + "/health refused the connection");
        balancer.markDown(0);
        servers.get(0).start();
        assertThat(backend.probe(0).toCompletableFuture().get(10, TimeUnit.SECONDS)).isTrue();
        balancer.markUp(0);
        WorkerSnapshot w = balancer.workers().get(0);
        assertThat(w.state()).isEqualTo(WorkerState.IDLE);
        assertThat(w.model()).isNull();
    }

    @Test
    void probe_unhealthyUpstream_isDown() throws Exception {
        start(0, 1);
        servers.get(0).setHealthy(false);
        assertThat(whyDown(backend, 10)).isEqualTo("upstream " + servers.get(0).url() + "/health answered 503");
    }

    @Test
    void forward_failure_doesNotShowTheQuery_whichMayCarryAClientsSecret() throws Exception {
        start(0, 1);
        HttpBackend stalling = withTimeout("/", Duration.ofMillis(500));

        assertThatThrownBy(() -> stalling.forward(new Task<>(0, 1, "m1", true, null, System::nanoTime),
                new ForwardRequest("GET", "stall", "api_key=SECRET456&x=1", null, null, new byte[0])))
                .isInstanceOf(UpstreamException.class)
                .hasMessageContaining("upstream " + servers.get(0).url() + "/stall?(query not shown) timed out after 500 ms")
                .hasMessageNotContaining("SECRET456");
    }

    @Test
    void shown_hidesTheQuery_evenWithAFragmentAfterIt() {
        assertThat(HttpBackend.shown(URI.create("http://gpu-0:8000/x?api_key=SECRET456#a")))
                .isEqualTo("http://gpu-0:8000/x?(query not shown)");
        assertThat(HttpBackend.shown(URI.create("http://gpu-0:8000/x#a"))).isEqualTo("http://gpu-0:8000/x#a");
    }

    @Test
    void doesNotResolve_theClientsConnectExceptionOverAnUnresolvedAddress() {
        // as the JDK's client reports a host name it cannot resolve (no lookup here: tests stay on loopback)
        Throwable unresolved = new ConnectException().initCause(new UnresolvedAddressException());

        assertThat(HttpBackend.doesNotResolve(new CompletionException(unresolved))).isTrue();
        assertThat(HttpBackend.doesNotResolve(new ConnectException("Connection refused"))).isFalse();
    }

    @Test
    void forward_binaryBodyAndContentType_passUnchanged() throws Exception {
        start(0, 1);
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        ForwardResponse response = backend.forward(new Task<>(0, 1, "m1", true, null, System::nanoTime),
                new ForwardRequest("POST", "echo-bytes", null, "audio/wav", null, bytes));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("audio/wav");
        assertThat(response.body()).isEqualTo(bytes);
    }
}
