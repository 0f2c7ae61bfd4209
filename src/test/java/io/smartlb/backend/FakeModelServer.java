package io.smartlb.backend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutorService;

/**
 * A model server for tests, on 127.0.0.1: it holds one model, "loads" another by sleeping
 * {@code loadMillis}, serves one request at a time, and records the models it served in order.
 *
 * <ul>
 *   <li>{@code POST /} (any path but the ones below): answers {@code {"model": m, "server": name,
 *       "echo": <body as JSON>}}; the model comes from the {@code X-Model} header.</li>
 *   <li>{@code POST /echo-bytes}: answers the request body and content type unchanged.</li>
 *   <li>{@code /echo-uri/...}: answers the request's raw path and query, as text.</li>
 *   <li>{@code /headers}: answers 201 with {@code Location: /made/1} and the request's
 *       {@code Authorization} and model headers echoed as {@code X-Echo-Authorization} and
 *       {@code X-Echo-Model} (all values, comma-joined).</li>
 *   <li>{@code /empty}: answers 204 with no body and no content type.</li>
 *   <li>{@code /latin1}: answers {@code café} as {@code text/plain; charset=iso-8859-1}.</li>
 *   <li>{@code /latin1-json}: answers {@code {"t":"café"}} as {@code Application/JSON; charset=iso-8859-1}.</li>
 *   <li>{@code /latin1-fail}: answers 500 with {@code modèle introuvable} as {@code text/plain; charset=iso-8859-1}.</li>
 *   <li>{@code POST /fail}, or a body containing {@code "explode"}: answers 500 with a text body.</li>
 *   <li>A body containing {@code "overloaded"}: answers 503 with a text body.</li>
 *   <li>{@code POST /truncate}: begins a 200 answer of 100 bytes, sends 5 and drops the connection.</li>
 *   <li>{@code POST /stall}: begins a 200 answer of 100 bytes, sends 5 and stalls for 10 s.</li>
 *   <li>{@code POST /big}: answers 10,000 bytes of JSON.</li>
 *   <li>A body containing {@code "holdMs": N} keeps the server busy N ms before it answers.</li>
 *   <li>A body containing {@code "gate": true} keeps it busy until {@link #openGate()} (at most 30 s).</li>
 *   <li>{@code GET /health}: 200, or 503 once {@link #setHealthy(boolean)} says so.</li>
 * </ul>
 */
public final class FakeModelServer implements AutoCloseable {

    private static final Pattern HOLD = Pattern.compile("\"holdMs\"\\s*:\\s*(\\d+)");
    private static final Pattern GATE = Pattern.compile("\"gate\"\\s*:\\s*true");

    private final String name;
    private final long loadMillis;
    private final List<String> served = new ArrayList<>();  // guarded by this
    private volatile boolean healthy = true;
    private final CountDownLatch gate = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService executor;
    private String model;                                    // guarded by this
    private int port;

    FakeModelServer(String name, long loadMillis) {
        this.name = name;
        this.loadMillis = loadMillis;
    }

    /** Starts on a free port (or the previous one after {@link #close()}). */
    FakeModelServer start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        port = server.getAddress().getPort();
        executor = Executors.newSingleThreadExecutor();  // one request at a time, like a GPU
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        synchronized (this) {
            model = null;  // a restarted server holds no model
        }
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized List<String> served() {
        return List.copyOf(served);
    }

    /** Returns how many times this server switched models. */
    synchronized int loads() {
        int loads = 0;
        String last = null;
        for (String m : served) {
            if (!m.equals(last)) {
                loads++;
            }
            last = m;
        }
        return loads;
    }

    /** Lets the jobs held at the gate answer, and every later one pass it. */
    void openGate() {
        gate.countDown();
    }

    void setHealthy(boolean healthy) {
        this.healthy = healthy;
    }

    /** Stops at once, like a killed process: open connections are dropped. */
    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = readAll(exchange.getRequestBody());
            if (path.equals("/health")) {
                respond(exchange, healthy ? 200 : 503, "text/plain", (healthy ? "up" : "down").getBytes(StandardCharsets.UTF_8));
                return;
            }
            String wanted = exchange.getRequestHeaders().getFirst("X-Model");
            serve(wanted);
            hold(new String(body, StandardCharsets.UTF_8));
            awaitGate(new String(body, StandardCharsets.UTF_8));
            if (path.equals("/headers")) {
                var in = exchange.getRequestHeaders();
                exchange.getResponseHeaders().add("Location", "/made/1");
                exchange.getResponseHeaders().add("X-Echo-Authorization", String.valueOf(in.getFirst("Authorization")));
                exchange.getResponseHeaders().add("X-Echo-Model", String.join(",", in.getOrDefault("X-Model", List.of())));
                respond(exchange, 201, "text/plain", "made".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals("/empty")) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (path.equals("/latin1")) {
                respond(exchange, 200, "text/plain; charset=iso-8859-1", "café".getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            if (path.equals("/latin1-json")) {
                respond(exchange, 200, "Application/JSON; charset=iso-8859-1", "{\"t\":\"café\"}".getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            if (path.equals("/latin1-fail")) {
                respond(exchange, 500, "text/plain; charset=iso-8859-1", "modèle introuvable".getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            if (path.startsWith("/echo-uri/")) {
                String query = exchange.getRequestURI().getRawQuery();
                respond(exchange, 200, "text/plain", (exchange.getRequestURI().getRawPath()
                        + (query == null ? "" : "?" + query)).getBytes(StandardCharsets.UTF_8));
                return;
            }
            switch (path) {
                case "/echo-bytes" -> respond(exchange, 200,
                        exchange.getRequestHeaders().getFirst("Content-Type"), body);
                case "/fail" -> respond(exchange, 500, "text/plain",
                        "model server exploded".getBytes(StandardCharsets.UTF_8));
                case "/stall" -> {
                    exchange.sendResponseHeaders(200, 100);
                    exchange.getResponseBody().write("{\"a\":".getBytes(StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                    hold("\"holdMs\": 10000");  // a stalled upstream, not a wait in a test
                }
                case "/big" -> respond(exchange, 200, "application/json",
                        ("\"" + "x".repeat(9_998) + "\"").getBytes(StandardCharsets.UTF_8));
                case "/truncate" -> {
                    exchange.sendResponseHeaders(200, 100);
                    exchange.getResponseBody().write("{\"a\":".getBytes(StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                    exchange.getHttpContext().getServer().stop(0);  // drops the connection mid-answer
                }
                case "/" -> {
                    String text = new String(body, StandardCharsets.UTF_8);
                    if (text.contains("\"explode\"")) {
                        respond(exchange, 500, "text/plain", "model server exploded".getBytes(StandardCharsets.UTF_8));
                    } else if (text.contains("\"overloaded\"")) {
                        respond(exchange, 503, "text/plain", "model server overloaded".getBytes(StandardCharsets.UTF_8));
                    } else {
                        respondJson(exchange, wanted, body);
                    }
                }
                default -> respondJson(exchange, wanted, body);
            }
        }
    }

    private void respondJson(HttpExchange exchange, String wanted, byte[] body) throws IOException {
        respond(exchange, 200, "application/json",
                ("{\"model\":\"" + wanted + "\",\"server\":\"" + name + "\",\"echo\":"
                        + (body.length == 0 ? "null" : new String(body, StandardCharsets.UTF_8)) + "}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private void serve(String wanted) {
        boolean load;
        synchronized (this) {
            load = wanted != null && !wanted.equals(model);
            model = wanted;
            served.add(String.valueOf(wanted));
        }
        if (load && loadMillis > 0) {
            try {
                Thread.sleep(loadMillis);  // simulates the model load, not a wait in a test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // a body with "gate": true keeps this server busy until the test opens the gate: jobs queue
    // behind it however slowly the test posts them
    private void awaitGate(String body) {
        if (GATE.matcher(body).find()) {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // a body with "holdMs": N keeps this server busy N ms, so that tests can queue jobs behind it
    private static void hold(String body) {
        Matcher m = HOLD.matcher(body);
        if (m.find()) {
            try {
                Thread.sleep(Long.parseLong(m.group(1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
