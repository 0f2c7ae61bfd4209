package io.smartlb.backend;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.smartlb.core.NotDeliveredException;
import io.smartlb.core.Task;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs jobs on real model servers, one worker per upstream: {@code POST {upstream}{path}} with the
 * job's data as the JSON body and the model in a header. The balancer's view of an upstream's model
 * is the model it last sent it. Uses the JDK {@link HttpClient} (pooled keep-alive connections).
 *
 * <p>A refused connection (or one not accepted within half the timeout) means the job never reached the
 * upstream, and one that breaks before any answer that it may have but gave no answer: both are
 * reported as {@link NotDeliveredException}, so the balancer takes the upstream out of service and
 * runs the job elsewhere (the second kind once, see there). A non-2xx answer to a job (a
 * pass-through {@code forward} passes any status back), an answer broken off once any of it came, even
 * inside its status line (the upstream had the job: sending it again could run it twice), an answer not complete within the timeout, or
 * one longer than {@code maxResponseBytes}, or one that is not HTTP at all (a bad status line: the
 * upstream had the job) fails the job with an {@link UpstreamException}.
 */
public final class HttpBackend implements Backend {

    /** The configuration name. */
    public static final String NAME = "http";

    private static final int BODY_START = 200;
    // an upstream's numbers keep their digits (as StrictJson does for requests)
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private final List<URI> upstreams;
    private final String path;
    private final String modelHeader;
    private final Duration timeout;
    private final String healthPath;
    private final Duration probeTimeout;
    private final HttpClient client;
    private final long maxResponseBytes;

    /**
     * @param upstreams base URIs, one worker each, in order
     * @param path the request path on the upstream; {@code {model}} is replaced by the model
     * @param modelHeader the header that names the model
     * @param timeout per request, load included
     * @param healthPath probed with GET; 2xx means up
     * @param probeTimeout how long a probe may take before the upstream counts as down
     * @param maxResponseBytes the longest answer read; a longer one fails the job
     */
    public HttpBackend(List<URI> upstreams, String path, String modelHeader, Duration timeout, String healthPath,
                       Duration probeTimeout, HttpClient client, long maxResponseBytes) {
        if (upstreams.isEmpty()) {
            throw new IllegalArgumentException("at least one upstream is needed");
        }
        this.upstreams = List.copyOf(upstreams);
        this.path = Objects.requireNonNull(path, "path");
        this.modelHeader = Objects.requireNonNull(modelHeader, "modelHeader");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.healthPath = Objects.requireNonNull(healthPath, "healthPath");
        this.probeTimeout = Objects.requireNonNull(probeTimeout, "probeTimeout");
        this.client = Objects.requireNonNull(client, "client");
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be >= 1: " + maxResponseBytes);
        }
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public OptionalInt workerCount() {
        return OptionalInt.of(upstreams.size());
    }

    @Override
    public JsonNode run(Task<JsonNode> task) throws Exception {
        JsonNode data = task.data();
        byte[] body = data == null ? "{}".getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(data);
        URI uri = resolve(task.worker(), path.replace("{model}", URLEncoder.encode(task.model(), StandardCharsets.UTF_8)), null);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header(modelHeader, task.model())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new UpstreamException("upstream " + shown(uri) + " answered "
                    + response.statusCode() + ": " + AnswerText.start(response.body(), contentType(response), BODY_START),
                    response.statusCode());
        }
        return parse(response);
    }

    @Override
    public boolean forwards() {
        return true;
    }

    @Override
    public ForwardResponse forward(Task<?> task, ForwardRequest forward) throws Exception {
        URI uri = resolve(task.worker(), "/" + forward.path(), forward.query());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header(modelHeader, task.model())
                .method(forward.method(), forward.body().length == 0 && !hasBody(forward.method())
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(forward.body()));
        if (forward.contentType() != null) {
            request.header("Content-Type", forward.contentType());
        }
        forward.headers().forEach((name, values) -> values.forEach(value -> {
            try {
                request.header(name, value);
            } catch (IllegalArgumentException e) {
                // a header the JDK client sets itself (e.g. date on some versions): not ours to pass
            }
        }));
        HttpResponse<byte[]> response = send(request.build());
        return new ForwardResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                ForwardHeaders.passed(response.headers().map(), null), response.body());
    }

    /**
     * GETs the health path: true on a 2xx answer, whole within the probe timeout; else the stage
     * fails with an {@link IOException} that says why ({@code answered 404}, {@code refused the
     * connection}, {@code did not answer within 5000 ms}, ...), never completing with false.
     */
    @Override
    public CompletionStage<Boolean> probe(int worker) {
        HttpRequest request = HttpRequest.newBuilder(resolve(worker, healthPath, null)).timeout(probeTimeout).GET().build();
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        // the request's timeout ends when the answer's head arrives: an upstream that sends a head and
        // stalls its body would never count as down, and every probe would leave a connection open
        CompletableFuture<Boolean> up = exchange.thenApply(response -> response.statusCode())
                .orTimeout(probeTimeout.toNanos(), TimeUnit.NANOSECONDS)
                .handle((status, error) -> {
                    if (error == null && status / 100 == 2) {
                        return true;
                    }
                    // a failed stage is a no, and says why (the service logs it)
                    throw new CompletionException(new IOException("upstream " + shown(request.uri())
                            + (error == null ? " answered " + status : " " + probeFailure(error))));
                });
        up.whenComplete((answer, error) -> exchange.cancel(true));  // closes a connection still open
        return up;
    }

    // why a probe's exchange failed, in words an operator can act on
    private String probeFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return "did not answer within " + probeTimeout.toMillis() + " ms";
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "did not accept a connection within " + timeout.dividedBy(2).toMillis() + " ms";
        }
        if (cause instanceof HttpTimeoutException) {
            return "did not answer within " + probeTimeout.toMillis() + " ms";
        }
        if (doesNotResolve(cause)) {
            return "has a host name that does not resolve";
        }
        if (cause instanceof ConnectException) {
            return "refused the connection";
        }
        return "failed: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : Brief.of(cause.getMessage()));
    }

    // the JDK's client reports a host name it cannot resolve as a ConnectException, caused by an
    // UnresolvedAddressException: a mistyped service name is not a refused connection
    static boolean doesNotResolve(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** Returns the base URI of {@code worker}'s upstream. */
    public URI upstream(int worker) {
        return upstreams.get(worker);
    }

    // the request's own timeout ends when the answer's head arrives; the deadline here covers the
    // body too, so that an upstream that stalls mid-answer cannot hold a worker
    private HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        AtomicInteger answeredStatus = new AtomicInteger();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, answer -> {
            answeredStatus.set(answer.statusCode());
            return new BoundedBody(maxResponseBytes);
        });
        try {
            return exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw timedOut(request, answeredStatus.get());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw failure(request, e.getCause(), answeredStatus.get());
        }
    }

    private Exception failure(HttpRequest request, Throwable cause, int status) {
        if (cause instanceof HttpConnectTimeoutException) {
            return NotDeliveredException.refused("upstream " + shown(request.uri()) + " did not accept a connection within "
                    + timeout.dividedBy(2).toMillis() + " ms", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return timedOut(request, status);
        }
        if (doesNotResolve(cause)) {
            return NotDeliveredException.refused("upstream " + shown(request.uri()) + " has a host name that does not resolve", cause);
        }
        if (cause instanceof ConnectException) {
            return NotDeliveredException.refused("upstream " + shown(request.uri()) + " refused the connection", cause);
        }
        if (cause instanceof BoundedBody.TooLargeException) {
            return new UpstreamException("upstream " + shown(request.uri()) + " answered with status " + status + ", and smartlb stopped"
                    + " reading: " + cause.getMessage(), status);
        }
        if (cause instanceof ProtocolException) {
            // it answered, but not in HTTP (a bad status line): it had the job, and is broken, not gone
            return UpstreamException.incomplete("upstream " + shown(request.uri()) + " answered something that is not HTTP: "
                    + Brief.of(cause.getMessage()), status);
        }
        if (status != 0) {
            // the upstream took the job and began its answer: sending it again could run it twice
            return UpstreamException.incomplete("upstream " + shown(request.uri()) + " broke off its answer (status " + status
                    + "): " + Brief.of(cause.getMessage()), status);
        }
        if (cause instanceof IOException && answerBegan(cause)) {
            // bytes of an answer came before its head was complete: it had the job too
            return UpstreamException.incomplete("upstream " + shown(request.uri()) + " broke off its answer before its head was complete: "
                    + Brief.of(cause.getMessage()), 0);
        }
        if (cause instanceof IOException) {
            // the connection broke before any answer came: the request can be sent elsewhere
            return new NotDeliveredException("upstream " + shown(request.uri()) + " closed the connection: " + Brief.of(cause.getMessage()), cause);
        }
        return UpstreamException.incomplete("upstream " + shown(request.uri()) + " failed: " + Brief.of(String.valueOf(cause)), 0);
    }

    // the JDK's HTTP/1.1 parser names its state when a connection ends inside an answer's head
    // ("parsing HTTP/1.1 status line, receiving [HTTP/1.1 2], parser state [STATUS_LINE]"), and
    // says "HTTP/1.1 header parser received no bytes" when none came (JDK 17 and 25 alike)
    private static boolean answerBegan(Throwable cause) {
        String message = cause.getMessage();
        return message != null && message.contains("parser state [");
    }

    private UpstreamException timedOut(HttpRequest request, int status) {
        return UpstreamException.incomplete("upstream " + shown(request.uri()) + " timed out after " + timeout.toMillis() + " ms"
                + (status == 0 ? "" : " (its answer began with status " + status + ")"), status);
    }

    // an upstream's address as errors and logs show it: a forwarded request's query may carry a
    // client's secret (an API key, a signature), and a job's error is readable by any client
    static String shown(URI uri) {
        String address = uri.toString();
        int query = address.indexOf('?');  // no '?' comes before the query unencoded; a fragment follows it
        return query < 0 ? address : address.substring(0, query) + "?(query not shown)";
    }

    private URI resolve(int worker, String requestPath, String query) {
        String base = upstreams.get(worker).toString();
        String slashed = base.endsWith("/") && requestPath.startsWith("/") ? requestPath.substring(1) : requestPath;
        return URI.create(base + slashed + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    private static JsonNode parse(HttpResponse<byte[]> response) {
        if (response.body().length == 0) {
            return NullNode.getInstance();  // 204, or a 200 without a body: not the empty string
        }
        String contentType = contentType(response);
        if (AnswerText.isJson(contentType)) {
            try {
                // bytes alone: the parser finds UTF-8, 16 or 32 by itself; a declared charset is read as given
                return AnswerText.declaresCharset(contentType)
                        ? JSON.readTree(AnswerText.decode(response.body(), contentType)) : JSON.readTree(response.body());
            } catch (IOException | NumberFormatException e) {
                // a server that says JSON but sends something else, or a number past BigDecimal
                // (1e99999999999): keep what it sent
            }
        }
        return TextNode.valueOf(AnswerText.decode(response.body(), contentType));
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }


    private static boolean hasBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    /**
     * Returns a client with keep-alive connections and HTTP/1.1 for requests that may take up to
     * {@code timeout}. A connection must be accepted within half of it: the request's own timer
     * starts first, so an equal connect timeout would never fire, and an upstream that accepts no
     * connection would look like one that is slow to answer (a 502, where the job never reached it).
     */
    public static HttpClient newClient(Duration timeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.dividedBy(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
