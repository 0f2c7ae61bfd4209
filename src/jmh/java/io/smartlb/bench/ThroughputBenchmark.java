package io.smartlb.bench;

import io.smartlb.core.Balancer;
import io.smartlb.core.JobHandle;
import io.smartlb.core.Work;
import io.smartlb.core.strategy.StrategyCatalog;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process throughput of the core runtime: a {@link Balancer} with 2 workers running a job that
 * does nothing, fed from one thread. One invocation submits {@value #BATCH} jobs over M models (a
 * fixed, seeded random sequence, so some models get more jobs than others) and waits for every
 * job's future; the score is completed jobs per second. The queue capacity exceeds the batch, so
 * no submission is refused.
 *
 * <pre>
 * ./mvnw -B -Pjmh package -DskipTests
 * java -jar target/benchmarks.jar ThroughputBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ThroughputBenchmark {

    static final int BATCH = 20_000;

    @Param({"10", "10000"})
    int models;

    @Param({"fifo", "affinity", "exclusive-affinity", "adaptive"})
    String strategy;

    private ExecutorService executor;
    private Balancer<Integer, Integer> balancer;
    private String[] sequence;
    @SuppressWarnings("unchecked")
    private final JobHandle<Integer, Integer>[] handles = new JobHandle[BATCH];

    @Setup(Level.Trial)
    public void setUp() {
        String[] names = new String[models];
        for (int m = 0; m < models; m++) {
            names[m] = "model-" + m;
        }
        Random random = new Random(42);
        sequence = new String[BATCH];
        for (int i = 0; i < BATCH; i++) {
            sequence[i] = names[random.nextInt(models)];
        }
        executor = Executors.newFixedThreadPool(2);
        Work<Integer, Integer> noop = task -> task.data();
        balancer = Balancer.builder(noop)
                .workers(2)
                .strategy(StrategyCatalog.create(strategy, StrategyCatalog.Settings.defaults()))
                .capacity(2 * BATCH)
                .executor(executor)
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        balancer.shutdown(Duration.ofSeconds(5));
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long submitAndAwait() {
        for (int i = 0; i < BATCH; i++) {
            handles[i] = balancer.submit(sequence[i], i, 0);
        }
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            sum += handles[i].result().join();
            handles[i] = null;
        }
        return sum;
    }
}
