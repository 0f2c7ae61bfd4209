import io.smartlb.core.Assignment;
import io.smartlb.core.Dispatcher;
import io.smartlb.core.Outcome;
import io.smartlb.core.strategy.Affinity;

/**
 * Per-job cost of the dispatcher alone, in steady state: W workers, each busy on its own model;
 * each round completes one worker's job (affinity hands it the next job of its model) and submits
 * one more job of that model. Prints, per repetition, nanoseconds and bytes allocated per round.
 *
 *   ./mvnw -B compile && java -cp target/classes bench/DispatcherCost.java [WORKERS] [ROUNDS]
 */
public class DispatcherCost {
    public static void main(String[] args) {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3_000_000;
        Dispatcher<String> dispatcher = new Dispatcher<>(new Affinity(), workers, 1_000_000,
                extra -> { throw new IllegalStateException("an assignment to another worker: " + extra); }, false);
        long now = 0;
        for (int round = 0; round < 2; round++) {
            for (int w = 0; w < workers; w++) {
                dispatcher.submit("m" + w, 0, "x", now++);  // one job running and one waiting per model
            }
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int repetition = 0; repetition < 5; repetition++) {
            long bytesBefore = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                Assignment<String> next = dispatcher.complete(i % workers, Outcome.DONE, now++);
                if (next == null) {
                    throw new IllegalStateException("worker " + i % workers + " left idle");
                }
                dispatcher.submit(next.job().model(), 0, "x", now++);
            }
            long nanos = System.nanoTime() - start;
            long bytes = threads.getCurrentThreadAllocatedBytes() - bytesBefore;
            System.out.printf("workers %d, repetition %d: %.0f ns and %.0f bytes per job%n", workers, repetition,
                    (double) nanos / rounds, (double) bytes / rounds);
        }
    }
}
