package io.smartlb.bench;

import io.smartlb.core.Decision;
import io.smartlb.core.Job;
import io.smartlb.core.Strategy;
import io.smartlb.core.WaitingJobs;
import io.smartlb.core.WorkerState;
import io.smartlb.core.WorkerView;
import io.smartlb.core.Workers;
import io.smartlb.core.strategy.StrategyCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one strategy decision for a free worker, with M models holding waiting jobs and W
 * workers each holding a model. The queue is not changed, so every call sees the same state.
 *
 * <p>{@code own=waiting}: the free worker holds the oldest model, which still has jobs (the common
 * case: keep it). {@code own=drained}: the free worker holds a model whose jobs are all done, so
 * every strategy must look for another model among the held and unheld heads.
 *
 * <pre>
 * ./mvnw -B -Pjmh package -DskipTests
 * java -jar target/benchmarks.jar DecisionBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DecisionBenchmark {

    @Param({"10", "1000", "100000"})
    int models;

    @Param({"4", "64"})
    int workers;

    @Param({"fifo", "affinity", "exclusive-affinity", "adaptive"})
    String strategy;

    @Param({"waiting", "drained"})
    String own;

    private Strategy chosen;
    private WaitingJobs<Void> waiting;
    private Workers views;
    private WorkerView self;
    private long now;

    @Setup
    public void setUp() {
        chosen = StrategyCatalog.create(strategy, StrategyCatalog.Settings.defaults());
        waiting = new WaitingJobs<>();
        long id = 1;
        for (int m = 0; m < models; m++) {
            for (int j = 0; j < 3; j++) {
                waiting.add(Job.of(id, "model-" + m, 0, id * 1_000L, null));
                id++;
            }
        }
        List<WorkerView> all = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            // the workers hold the oldest models, so affinity must look past them
            String held = w == 0 && own.equals("drained") ? "drained" : "model-" + (w % models);
            all.add(new WorkerView(w, held, w == 0 ? WorkerState.IDLE : WorkerState.BUSY));
            waiting.hold(held);  // as the dispatcher does when a worker loads a model
        }
        views = Workers.of(all);
        self = all.get(0);
        now = id * 1_000L;
        // promote the index to the old generation now: otherwise the first young collections of the
        // measurement copy its 300,000 jobs (M = 100,000) and the first iterations run several times slower
        System.gc();
    }

    @Benchmark
    public Decision decide() {
        return chosen.next(self, waiting, views, now);
    }
}
