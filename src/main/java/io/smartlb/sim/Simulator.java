package io.smartlb.sim;

import io.smartlb.core.Admission;
import io.smartlb.core.Assignment;
import io.smartlb.core.Decision;
import io.smartlb.core.Dispatcher;
import io.smartlb.core.JobCost;
import io.smartlb.core.Outcome;
import io.smartlb.core.Strategy;
import io.smartlb.core.WorkerSnapshot;
import java.util.Objects;

/**
 * Replays a trace in virtual time through the production {@link Dispatcher} and a production
 * {@link Strategy} (design.md sections 3 and 4).
 *
 * <p>Events: arrivals in file order, completions by finish time then worker id; at equal times
 * arrivals go first, so a job arriving when a worker finishes is among the candidates for it. A job
 * costs {@code load_ms + process_ms} when its assignment loads the model, else {@code process_ms}.
 * Trace milliseconds reach the dispatcher as nanoseconds ({@code ms * 1_000_000}). The queue is
 * unbounded. Costs O(jobs * (log W + dispatcher cost)) time and O(jobs) memory.
 */
public final class Simulator {

    private static final long NANOS_PER_MS = 1_000_000;

    private final Trace trace;
    private final int workers;
    private final LowerBounds bounds;

    /** Creates a simulator of {@code trace} on {@code workers} workers that start empty. */
    public Simulator(Trace trace, int workers) {
        this.trace = Objects.requireNonNull(trace, "trace");
        this.bounds = LowerBounds.of(trace, workers);
        this.workers = workers;
    }

    /** Returns the lower bounds every run of this simulator is measured against. */
    public LowerBounds bounds() {
        return bounds;
    }

    /**
     * Replays the trace against {@code strategy}, which must be fresh (cost-learning strategies keep
     * what they observed), and returns the report under {@code strategyName}.
     *
     * @throws IllegalStateException when the run breaks an invariant, e.g. the strategy leaves jobs
     *     waiting with every worker idle
     */
    public SimulationReport run(String strategyName, Strategy strategy) {
        Run run = new Run(strategy);
        run.replay();
        return run.report(strategyName);
    }

    /** One replay's mutable state. */
    private final class Run {
        private final Strategy strategy;
        private final Dispatcher<Integer> dispatcher;
        private final CompletionQueue completions = new CompletionQueue(workers);
        private final int[] runningRow = new int[workers];
        private final boolean[] runningLoaded = new boolean[workers];
        private final long[] startMs = new long[trace.size()];
        private final long[] finishMs = new long[trace.size()];
        private long loads;
        private int done;
        private long clockMs;
        // the earliest time a strategy asked for idle workers to be asked again, as the dispatcher
        // reports it (told, not polled: no lock per event)
        private long askAgainNanos = Decision.NEVER;

        Run(Strategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            // the payload is the trace row; the queue never fills, as the trace decides the load
            // assignments to other workers than the one deciding (after a worker leaves a model with
            // waiting jobs) start at the time of the event that caused them
            this.dispatcher = new Dispatcher<>(strategy, workers, Integer.MAX_VALUE, extra -> start(extra, clockMs),
                    false);  // traces have no max-wait: no expiry index
            dispatcher.onAskAgain(at -> askAgainNanos = Math.min(askAgainNanos, at));
        }

        void replay() {
            int n = trace.size();
            int next = 0;
            while (next < n || !completions.isEmpty()) {
                long event = Math.min(next < n ? trace.arrivalMs(next) : Long.MAX_VALUE,
                        completions.isEmpty() ? Long.MAX_VALUE : completions.peekTime());
                long askAgain = askAgainMs();
                if (askAgain < event) {
                    askIdleWorkers(Math.max(askAgain, clockMs));  // a strategy asked, and nothing happens before
                } else if (next < n && trace.arrivalMs(next) == event) {
                    arrive(next++);
                } else {
                    finish();
                }
            }
            int stranded = dispatcher.queued();
            if (stranded > 0) {
                throw new IllegalStateException(
                        stranded + " jobs still wait with every worker idle; the strategy never picked them");
            }
        }

        // the first whole ms at or after the time a strategy asked for idle workers to be asked again
        private long askAgainMs() {
            return askAgainNanos == Decision.NEVER ? Long.MAX_VALUE : Math.floorDiv(askAgainNanos - 1, NANOS_PER_MS) + 1;
        }

        private void askIdleWorkers(long nowMs) {
            clockMs = nowMs;
            askAgainNanos = Decision.NEVER;  // the dispatcher forgets it too; workers still idle tell it again
            dispatcher.askIdleWorkers(nowMs * NANOS_PER_MS);  // assignments start through the hand-off
        }

        private void arrive(int row) {
            long now = trace.arrivalMs(row);
            clockMs = now;
            Admission<Integer> admission = dispatcher.submit(
                    trace.model(row), trace.priority(row), row, now * NANOS_PER_MS);
            start(admission.assignment(), now);
        }

        private void finish() {
            long now = completions.peekTime();
            clockMs = now;
            int worker = completions.poll();
            int row = runningRow[worker];
            // the strategy learns this job's cost before the worker's next decision
            long loadNanos = runningLoaded[worker] ? trace.loadMs(row) * NANOS_PER_MS : 0;
            JobCost cost = new JobCost(trace.model(row), runningLoaded[worker], loadNanos,
                    loadNanos + trace.processMs(row) * NANOS_PER_MS);
            done++;
            start(dispatcher.complete(worker, Outcome.DONE, now * NANOS_PER_MS, cost), now);
        }

        private void start(Assignment<Integer> assignment, long now) {
            if (assignment == null) {
                return;
            }
            int row = assignment.job().payload();
            int worker = assignment.worker();
            long cost = trace.processMs(row);
            if (assignment.load()) {
                cost += trace.loadMs(row);
                loads++;
            }
            startMs[row] = now;
            finishMs[row] = now + cost;
            runningRow[worker] = row;
            runningLoaded[worker] = assignment.load();
            completions.add(worker, now + cost);
        }

        SimulationReport report(String strategyName) {
            int n = trace.size();
            long dispatcherLoads = 0;
            for (WorkerSnapshot w : dispatcher.workers()) {
                dispatcherLoads += w.loads();
            }
            if (done != n || dispatcherLoads != loads) {
                throw new IllegalStateException("run lost count: " + done + " of " + n + " jobs done, "
                        + dispatcherLoads + " loads in the dispatcher vs " + loads + " assigned");
            }
            long first = trace.arrivalMs(0);
            long lastFinish = 0;
            long[] wait = new long[n];
            long[] latency = new long[n];
            for (int i = 0; i < n; i++) {
                lastFinish = Math.max(lastFinish, finishMs[i]);
                wait[i] = startMs[i] - trace.arrivalMs(i);
                latency[i] = finishMs[i] - trace.arrivalMs(i);
            }
            return new SimulationReport(trace.name(), strategyName, workers, n, loads, lastFinish - first,
                    Summary.ofSorting(wait), Summary.ofSorting(latency), bounds);
        }
    }
}
