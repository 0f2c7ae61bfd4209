import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends N concurrent sync POST /jobs over M models, each with its own data, and checks that every
 * request is answered exactly once, 200, with its own data echoed by the simulated backend.
 *
 *   java bench/ConcurrentJobs.java http://127.0.0.1:8080 2000 50
 */
public final class ConcurrentJobs {

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int models = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newFixedThreadPool(8)).build();
        ConcurrentHashMap<Integer, Integer> answers = new ConcurrentHashMap<>();
        AtomicInteger wrongData = new AtomicInteger();
        AtomicInteger notOk = new AtomicInteger();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < jobs; i++) {
            int seq = i;
            String model = "model-" + (i % models);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/jobs"))
                    .timeout(Duration.ofMinutes(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"" + model + "\",\"data\":{\"seq\":" + seq + "}}"))
                    .build();
            all.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                answers.merge(seq, 1, Integer::sum);
                if (response.statusCode() != 200) {
                    notOk.incrementAndGet();
                    return;
                }
                Matcher m = SEQ.matcher(response.body());
                boolean own = m.find() && Integer.parseInt(m.group(1)) == seq
                        && response.body().contains("\"model\":\"" + model + "\"");
                if (!own) {
                    wrongData.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long once = answers.values().stream().filter(n -> n == 1).count();
        System.out.printf("jobs=%d models=%d answered=%d exactly-once=%d non-200=%d wrong-data=%d wall_ms=%d%n",
                jobs, models, answers.size(), once, notOk.get(), wrongData.get(), millis);
        System.exit(answers.size() == jobs && once == jobs && notOk.get() == 0 && wrongData.get() == 0 ? 0 : 1);
    }
}
