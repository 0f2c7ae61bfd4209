import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory per queued job (issue 6, item 4), against a running server started with one worker and
 * a queue capacity of JOBS (see bench/memory.sh). Steps:
 *
 * <ol>
 *   <li>warm-up: WARMUP async jobs that run at once (they stay in the finished-job registry in
 *       every later measurement, so they cancel out);
 *   <li>idle: live heap and RSS;
 *   <li>one job holds the only worker ({@code "processMs": 600000});
 *   <li>JOBS async jobs ({@code ?wait=false}, no data) over MODELS models, at most 64 in flight;
 *   <li>queued: live heap and RSS, per queued job;
 *   <li>REFUSED more submissions, which must all be 429 with Retry-After; live heap and RSS again.
 * </ol>
 *
 * <p>Live heap is measured twice: {@code jcmd PID GC.class_histogram} (a full GC, then every live
 * object counted: exact) and {@code jcmd PID GC.run} then {@code GC.heap_info} "used" (cross-check).
 * RSS is VmRSS from /proc/PID/status. Prints the classes that grew most, per queued job.
 *
 *   java bench/MemoryHarness.java http://127.0.0.1:8080 PID [JOBS [REFUSED [MODELS]]]
 */
public final class MemoryHarness {

    private static final Pattern HISTO_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
    private static final Pattern HISTO_TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern QUEUE_SIZE = Pattern.compile("\"size\"\\s*:\\s*(\\d+)");
    private static final int IN_FLIGHT = 64;
    private static final int WARMUP = 2_000;

    private final String base;
    private final String pid;
    private final HttpClient client;

    private MemoryHarness(String base, String pid) {
        this.base = base;
        this.pid = pid;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String pid = args[1];
        int jobs = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int refused = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int models = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        MemoryHarness h = new MemoryHarness(base, pid);
        boolean ok = h.run(jobs, refused, models);
        System.exit(ok ? 0 : 1);
    }

    private boolean run(int jobs, int refused, int models) throws Exception {
        Map<Integer, Integer> warm = submitAll(WARMUP, i -> "warm-" + i % models, null);
        System.out.printf("warm-up: %d async jobs, statuses %s%n", WARMUP, warm);
        awaitQueue(0, Duration.ofSeconds(60));

        Snapshot idle = snapshot("idle");

        Map<Integer, Integer> hold = submitAll(1, i -> "hold", "{\"processMs\":600000}");
        System.out.printf("hold job (processMs 600000): statuses %s%n", hold);
        awaitBusyWorker(Duration.ofSeconds(30));

        long start = System.nanoTime();
        Map<Integer, Integer> queued = submitAll(jobs, i -> "model-" + i % models, null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        int size = queueSize();
        System.out.printf("queued: %d async jobs over %d models in %d ms, statuses %s, GET /queue size %d%n",
                jobs, models, millis, queued, size);
        Snapshot full = snapshot("queued");

        Map<Integer, Integer> extra = submitAll(refused, i -> "late-" + i % models, null);
        int sizeAfter = queueSize();
        System.out.printf("at capacity: %d more submissions, statuses %s (with Retry-After: %d), GET /queue size %d%n",
                refused, extra, retryAfter.get(), sizeAfter);
        Snapshot after = snapshot("after-429s");

        long histoGrowth = full.liveBytes - idle.liveBytes;
        long usedGrowth = full.heapUsedKib - idle.heapUsedKib;
        long rssGrowth = full.rssKib - idle.rssKib;
        System.out.println();
        System.out.printf("heap growth, %d queued jobs: live %,d B (class histogram) = %.0f B per job; "
                + "GC.heap_info used %+,d KiB = %.0f B per job%n",
                size, histoGrowth, histoGrowth / (double) size, usedGrowth, usedGrowth * 1024.0 / size);
        System.out.printf("RSS growth: %+,d KiB = %.0f B per job%n", rssGrowth, rssGrowth * 1024.0 / size);
        System.out.printf("after %d refused submissions: live heap %+,d B, GC.heap_info used %+,d KiB, RSS %+,d KiB%n",
                refused, after.liveBytes - full.liveBytes, after.heapUsedKib - full.heapUsedKib, after.rssKib - full.rssKib);
        System.out.println();
        System.out.println("classes that grew most from idle to queued (per queued job):");
        System.out.printf("  %12s %10s %10s  %s%n", "bytes", "B/job", "inst/job", "class");
        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        for (Map.Entry<String, long[]> e : full.classes.entrySet()) {
            long[] before = idle.classes.getOrDefault(e.getKey(), new long[2]);
            grown.add(Map.entry(e.getKey(), new long[] {e.getValue()[0] - before[0], e.getValue()[1] - before[1]}));
        }
        grown.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        for (Map.Entry<String, long[]> e : grown.subList(0, Math.min(20, grown.size()))) {
            System.out.printf("  %,12d %10.1f %10.2f  %s%n", e.getValue()[1], e.getValue()[1] / (double) size,
                    e.getValue()[0] / (double) size, e.getKey());
        }

        boolean allQueued = queued.getOrDefault(202, 0) == jobs && size == jobs;
        boolean allRefused = extra.getOrDefault(429, 0) == refused && retryAfter.get() == refused && sizeAfter == jobs;
        double perJob = histoGrowth / (double) size;
        System.out.println();
        System.out.printf("target < 1024 B heap per queued job: %.0f B, %s%n", perJob, perJob < 1024 ? "met" : "MISSED");
        System.out.printf("all %d jobs queued: %s; all %d extra refused with 429 + Retry-After: %s%n",
                jobs, allQueued, refused, allRefused);
        return allQueued && allRefused && perJob < 1024;
    }

    private final AtomicInteger retryAfter = new AtomicInteger();

    // POSTs count async jobs, job i for modelOf(i), at most IN_FLIGHT at once; returns count per status
    private Map<Integer, Integer> submitAll(int count, IntFunction<String> modelOf, String data)
            throws InterruptedException {
        retryAfter.set(0);
        Semaphore slots = new Semaphore(IN_FLIGHT);
        ConcurrentHashMap<Integer, Integer> statuses = new ConcurrentHashMap<>();
        for (int i = 0; i < count; i++) {
            String model = modelOf.apply(i);
            String body = "{\"model\":\"" + model + "\"" + (data == null ? "" : ",\"data\":" + data) + "}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/jobs?wait=false"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            slots.acquire();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                int code = error != null ? -1 : response.statusCode();
                statuses.merge(code, 1, Integer::sum);
                if (response != null && response.headers().firstValue("Retry-After").isPresent()) {
                    retryAfter.incrementAndGet();
                }
                slots.release();
            });
        }
        slots.acquire(IN_FLIGHT);
        return new HashMap<>(statuses);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private int queueSize() throws IOException, InterruptedException {
        Matcher m = QUEUE_SIZE.matcher(get("/queue"));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private void awaitQueue(int size, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (queueSize() != size) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("queue did not reach " + size);
            }
            Thread.sleep(50);
        }
    }

    private void awaitBusyWorker(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!get("/workers").contains("BUSY")) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("no worker became busy");
            }
            Thread.sleep(50);
        }
    }

    /** Live heap by class (after a full GC), heap used after GC.run, and RSS. */
    private record Snapshot(long liveBytes, long heapUsedKib, long rssKib, Map<String, long[]> classes) {
    }

    private Snapshot snapshot(String label) throws Exception {
        String histogram = jcmd("GC.class_histogram");
        Map<String, long[]> classes = new HashMap<>();
        long live = -1;
        for (String line : histogram.split("\n")) {
            Matcher row = HISTO_ROW.matcher(line);
            if (row.matches()) {
                classes.merge(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                continue;
            }
            Matcher total = HISTO_TOTAL.matcher(line.trim());
            if (total.matches()) {
                live = Long.parseLong(total.group(2));
            }
        }
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        long usedKib = used.find() ? Long.parseLong(used.group(1)) : -1;
        long rss = rssKib();
        System.out.printf("[%s] live heap %,d B (class histogram), heap used after GC.run %,d KiB, RSS %,d KiB%n",
                label, live, usedKib, rss);
        return new Snapshot(live, usedKib, rss, classes);
    }

    private long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private String jcmd(String command) throws Exception {
        Process p = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }
}
