package io.smartlb.core.strategy;

import io.smartlb.core.Job;
import io.smartlb.core.WaitingJobs;
import io.smartlb.core.WorkerState;
import io.smartlb.core.WorkerView;
import io.smartlb.core.Workers;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built views for strategy tests: waiting jobs submitted at whole seconds, and workers whose
 * models the waiting index knows as held, as the dispatcher keeps it.
 */
final class Queue {

    static final long S = 1_000_000_000L;

    final WaitingJobs<Void> waiting = new WaitingJobs<>();
    private final List<String> held = new ArrayList<>();
    private long nextId = 1;

    /** Adds a job of {@code model} submitted at {@code submittedSeconds}, no priority. */
    Job<Void> job(String model, long submittedSeconds) {
        return job(model, submittedSeconds, 0);
    }

    /** Adds a job of {@code model} submitted at {@code submittedSeconds} with {@code priority} seconds of head start. */
    Job<Void> job(String model, long submittedSeconds, double priority) {
        Job<Void> job = Job.of(nextId++, model, priority, submittedSeconds * S, null);
        waiting.add(job);
        return job;
    }

    static WorkerView idle(int id, String model) {
        return new WorkerView(id, model, WorkerState.IDLE);
    }

    static WorkerView busy(int id, String model) {
        return new WorkerView(id, model, WorkerState.BUSY);
    }

    /** Returns a view over {@code views}, and marks the models they hold as held in the waiting index. */
    Workers workers(WorkerView... views) {
        held.forEach(waiting::release);
        held.clear();
        for (WorkerView view : views) {
            if (view.model() != null) {
                waiting.hold(view.model());
                held.add(view.model());
            }
        }
        return Workers.of(List.of(views));
    }
}
