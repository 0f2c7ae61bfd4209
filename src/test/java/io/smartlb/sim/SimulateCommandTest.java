package io.smartlb.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartlb.core.strategy.StrategyCatalog;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class SimulateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void run_help_printsUsageAndExitsZero() {
        Result result = run("--help");

        assertThat(result.code).isZero();
        assertThat(result.out).startsWith("Usage: simulate --trace FILE");
        for (String name : StrategyCatalog.names()) {
            assertThat(result.out).contains(name);
        }
        assertThat(result.err).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--bogus",
        "",
        "--trace",
        "--workers 0 --trace seed",
        "--workers x --trace seed",
        "--format xml --trace seed",
        "--strategy nope --trace seed",
        "--set balancer.strategy=nope --trace seed",
        "--set balancer.queue.capacity=5 --trace seed",
        "--set balancer.strategies.affinity.nope=1s --trace seed",
        "--set balancer.strategies.affinity.switch-penalty=-1s --trace seed",
        "--set balancer.strategies.affinity.switch-penalty=soon --trace seed",
        "--set balancer.strategies.affinity.switch-penalty=1000000000d --trace seed",
        "--set balancer.strategies.adaptive.max-wait=1000000000d --trace seed",
        "--set noequals --trace seed",
        "stray --trace seed",
    })
    void run_badArguments_exitTwoWithOneLine(String line) throws IOException {
        String[] args = line.isEmpty() ? new String[0] : line.replace("seed", seedFile().toString()).split(" ");

        Result result = run(args);

        assertThat(result.code).isEqualTo(2);
        assertThat(result.out).isEmpty();
        assertThat(result.err).startsWith("simulate: ").endsWith("\n");
        assertThat(result.err.lines()).hasSize(1);
    }

    @Test
    void run_strategyRefusesASetting_namesTheWholeKey() throws IOException {
        Result result = run("--trace", seedFile().toString(), "--strategy", "adaptive",
                "--set", "balancer.strategies.adaptive.max-wait=0s");

        assertThat(result.err).isEqualTo("simulate: balancer.strategies.adaptive.max-wait must be > 0: 0s\n");
    }

    @Test
    void run_badSettingOfAStrategyThatDoesNotRun_isRefusedToo_asTheServiceRefusesIt() throws IOException {
        Result result = run("--trace", seedFile().toString(), "--strategy", "fifo",
                "--set", "balancer.strategies.adaptive.max-wait=0s");

        assertThat(result.code).isEqualTo(2);
        assertThat(result.err).isEqualTo("simulate: balancer.strategies.adaptive.max-wait must be > 0: 0s\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "106752d              | simulate: balancer.strategies.affinity.switch-penalty is too long: 106752d; use at most 106751d",
        // past a long of seconds: too long too, not unreadable
        "9999999999999999999s | simulate: balancer.strategies.affinity.switch-penalty: too long: '9999999999999999999s'; use at most 106751d"})
    void run_durationTooLongForNanoseconds_isRefusedNamingTheKey(String value, String message) throws IOException {
        Result result = run("--trace", seedFile().toString(), "--strategy", "affinity",
                "--set", "balancer.strategies.affinity.switch-penalty=" + value);

        assertThat(result.code).isEqualTo(2);
        assertThat(result.err).isEqualTo(message + "\n");
    }

    @Test
    void run_unknownStrategy_namesTheKnownOnes() throws IOException {
        Result result = run("--trace", seedFile().toString(), "--strategy", "nope");

        assertThat(result.err).isEqualTo("simulate: strategy 'nope' not found; known: "
                + String.join(", ", StrategyCatalog.names()) + ", or all\n");
    }

    @Test
    void run_malformedTrace_exitTwoNamingTheLine() throws IOException {
        Path trace = Files.writeString(dir.resolve("broken.csv"), TestTraces.csv("0,m1,5,1,0", "1,m1,5,x,0"));

        Result result = run("--trace", trace.toString());

        assertThat(result.code).isEqualTo(2);
        assertThat(result.err).isEqualTo("simulate: broken.csv:3: process_ms is not a non-negative integer: 'x'\n");
        assertThat(result.out).isEmpty();
    }

    @Test
    void run_missingFile_exitTwo() {
        Result result = run("--trace", dir.resolve("absent.csv").toString());

        assertThat(result.code).isEqualTo(2);
        assertThat(result.err).startsWith("simulate: cannot read trace ").endsWith(": no such file\n");
    }

    @Test
    void run_fileNamesWithControlCharacters_areEscaped_soTheErrorStaysOneLine() throws IOException {
        Path broken = dir.resolve("new\nline\u001b[31m.csv");
        Files.writeString(broken, "arrival_ms,model,load_ms,process_ms,priority\nx,m1,1,1,0\n");

        Result missing = run("--trace", dir.resolve("absent\n.csv").toString());
        Result malformed = run("--trace", broken.toString());

        assertThat(missing.err).endsWith("absent\\u000a.csv': no such file\n").containsOnlyOnce("\n");
        assertThat(malformed.err).isEqualTo("simulate: new\\u000aline\\u001b[31m.csv:2: arrival_ms is not a non-negative integer: 'x'\n");
    }

    @Test
    void run_outputCannotBeWritten_exitOneWithOneLine() throws IOException {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new SimulateCommand().run(new String[] {"--trace", seedFile().toString()},
                new PrintStream(full, false, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("simulate: could not write the report to standard output\n");
    }

    @Test
    void run_json_hasExactlyTheDesignKeys() throws IOException {
        Result result = run("--trace", seedFile().toString(), "--strategy", "affinity", "--format", "json");

        assertThat(result.code).isZero();
        assertThat(result.out.lines()).hasSize(1);
        JsonNode line = JSON.readTree(result.out);
        assertThat(fieldNames(line)).containsExactly("trace", "strategy", "workers", "jobs", "switches",
                "makespan_ms", "wait_ms", "latency_ms", "bounds");
        assertThat(fieldNames(line.get("wait_ms"))).containsExactly("mean", "p50", "p99", "max");
        assertThat(fieldNames(line.get("latency_ms"))).containsExactly("mean", "p50", "p99", "max");
        assertThat(fieldNames(line.get("bounds"))).containsExactly("switches", "makespan_ms");
        assertThat(line.get("trace").asText()).isEqualTo("seed.csv");
        assertThat(line.get("strategy").asText()).isEqualTo("affinity");
        assertThat(line.get("jobs").asInt()).isEqualTo(6);
        assertThat(line.get("switches").asLong()).isEqualTo(2);
        assertThat(line.get("makespan_ms").asLong()).isEqualTo(10_060);
        assertThat(line.get("wait_ms").get("mean").isNumber()).isTrue();
    }

    @Test
    void run_json_largeMean_isPlainDecimal() throws IOException {
        // the second job waits the first one's 30,000,000 ms: mean 15,000,000 ms, once written 1.5E7
        Path trace = Files.writeString(dir.resolve("long.csv"), TestTraces.csv("0,m1,0,30000000,0", "0,m1,0,1,0"));
        Result result = run("--trace", trace.toString(), "--strategy", "fifo", "--format", "json");

        assertThat(result.code).isZero();
        assertThat(result.out).contains("\"wait_ms\":{\"mean\":15000000,")
                .contains("\"latency_ms\":{\"mean\":30000000.5,").doesNotContain("E7");
    }

    @Test
    void run_allStrategies_oneJsonLinePerCatalogEntry() throws IOException {
        Result result = run("--trace", seedFile().toString(), "--format", "json");

        List<String> strategies = new ArrayList<>();
        for (String line : result.out.lines().toList()) {
            strategies.add(JSON.readTree(line).get("strategy").asText());
        }
        assertThat(strategies).isEqualTo(StrategyCatalog.names());
    }

    @Test
    void run_setSwitchPenaltyZero_affinityStopsGrouping() throws IOException {
        // with no switch penalty every head scores its submit time alone, so affinity runs the seed
        // example in arrival order: 6 loads instead of 2
        String seed = seedFile().toString();

        long byDefault = switches(run("--trace", seed, "--strategy", "affinity", "--format", "json"));
        long noPenalty = switches(run("--trace", seed, "--strategy", "affinity", "--format", "json",
                "--set", "balancer.strategies.affinity.switch-penalty=0s"));

        assertThat(byDefault).isEqualTo(2);
        assertThat(noPenalty).isEqualTo(6);
    }

    @Test
    void run_setStrategyAndWorkers_actAsTheFlags() throws IOException {
        Result result = run("--trace=" + seedFile(), "--format=json",
                "--set", "balancer.strategy=fifo", "--set", "balancer.workers=2");

        JsonNode line = JSON.readTree(result.out);
        assertThat(line.get("strategy").asText()).isEqualTo("fifo");
        assertThat(line.get("workers").asInt()).isEqualTo(2);
    }

    @Test
    void run_table_showsBoundsAndOneRowPerStrategy() throws IOException {
        Result result = run("--trace", seedFile().toString());

        assertThat(result.code).isZero();
        List<String> lines = result.out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("seed.csv: 6 jobs, 2 models, 1 worker; times in seconds");
        assertThat(lines.get(1)).isEqualTo("lower bounds: loads >= 2, makespan >= 10.060");
        assertThat(lines.get(3)).startsWith("strategy").contains("loads", "wait p99", "makespan");
        assertThat(lines.subList(4, lines.size())).hasSize(StrategyCatalog.names().size());
        assertThat(lines.get(4)).matches("fifo +6 +12\\.525 +10\\.020 +25\\.050 +25\\.050 +30\\.060");
        // right-aligned: every row ends in the same column
        assertThat(lines.subList(3, lines.size())).extracting(String::length).containsOnly(lines.get(3).length());
    }

    private Path seedFile() throws IOException {
        Path seed = dir.resolve("seed.csv");
        if (!Files.exists(seed)) {
            Files.writeString(seed, TestTraces.csv("0,m1,5000,10,0", "0,m2,5000,10,0", "0,m1,5000,10,0",
                    "0,m2,5000,10,0", "0,m1,5000,10,0", "0,m2,5000,10,0"));
        }
        return seed;
    }

    private static long switches(Result result) throws IOException {
        assertThat(result.code).as(result.err).isZero();
        return JSON.readTree(result.out).get("switches").asLong();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SimulateCommand().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {
    }
}
