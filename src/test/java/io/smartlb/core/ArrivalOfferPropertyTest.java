package io.smartlb.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlb.core.strategy.Fifo;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The arrival rule of design.md (the first free worker that holds the job's model, else the first
 * free one holding none, else the first free one, by id) against brute force over the workers'
 * snapshots, through random arrivals, completions, failed loads, tries not delivered, and workers
 * going down and up;
 * and the holders of each model the strategy is shown against those its worker views show.
 * With {@code fifo}, a free worker never stays idle while jobs wait, so the worker offered a new
 * job is the one that takes it. Seeded, so a failure names the seed that reproduces it.
 */
final class ArrivalOfferPropertyTest {

    private static final int RUNS = 200;
    private static final int STEPS = 300;

    @Test
    void offeredWorker_isTheOneTheRuleNames_afterEveryRandomStep() {
        for (int seed = 0; seed < RUNS; seed++) {
            run(seed);
        }
    }

    private static void run(int seed) {
        Random random = new Random(seed);
        // few workers, or enough that an arrival finds its model's free holders from their own list
        int workers = random.nextBoolean() ? 1 + random.nextInt(8) : 128 + random.nextInt(256);
        int models = 1 + random.nextInt(5);
        List<Assignment<String>> handedOff = new ArrayList<>();
        Fifo fifo = new Fifo();
        // each time it is asked, the dispatcher's holders of each model are those its views show
        Strategy checkingHolders = (worker, waiting, all, nowNanos) -> {
            for (int m = 0; m < models; m++) {
                String model = "m" + m;
                assertThat(all.holding(model)).as("seed %d: holders of %s", seed, model)
                        .containsExactlyInAnyOrderElementsOf(all.all().stream().filter(w -> w.holds(model)).toList());
            }
            return fifo.next(worker, waiting, all, nowNanos);
        };
        Dispatcher<String> dispatcher = new Dispatcher<>(checkingHolders, workers, 10_000, handedOff::add);
        for (int step = 0; step < STEPS; step++) {
            List<WorkerSnapshot> before = dispatcher.workers();
            int worker = random.nextInt(workers);
            List<WorkerSnapshot> busy = before.stream().filter(w -> w.state() == WorkerState.BUSY).toList();
            switch (random.nextInt(7)) {
                case 0, 1, 2 -> {
                    String model = "m" + random.nextInt(models);
                    Assignment<String> assignment = dispatcher.submit(model, 0, "j" + step, step).assignment();
                    int expected = offered(before, model);
                    assertThat(assignment == null ? -1 : assignment.worker())
                            .as("seed %d step %d: %s to %s", seed, step, model, before).isEqualTo(expected);
                }
                case 3 -> {
                    if (!busy.isEmpty()) {
                        int ending = busy.get(random.nextInt(busy.size())).id();
                        dispatcher.complete(ending, random.nextInt(4) == 0 ? Outcome.LOAD_FAILED : Outcome.DONE, step);
                    }
                }
                case 4 -> {  // a try its worker did not take: the job waits again, or has failed
                    if (!busy.isEmpty()) {
                        dispatcher.undelivered(busy.get(random.nextInt(busy.size())).id(), random.nextBoolean(),
                                random.nextBoolean(), step);
                    }
                }
                case 5 -> dispatcher.markDown(worker, step);
                default -> dispatcher.markUp(worker, step);
            }
        }
        Dispatcher.StrategyFailure failure = dispatcher.takeStrategyFailure();  // the check above fails as the strategy
        assertThat(failure == null ? null : failure.cause()).isNull();
    }

    private static int offered(List<WorkerSnapshot> workers, String model) {
        int empty = -1;
        int any = -1;
        for (WorkerSnapshot worker : workers) {
            if (worker.state() != WorkerState.IDLE) {
                continue;
            }
            if (model.equals(worker.model())) {
                return worker.id();
            }
            empty = empty < 0 && worker.model() == null ? worker.id() : empty;
            any = any < 0 ? worker.id() : any;
        }
        return empty >= 0 ? empty : any;
    }
}
