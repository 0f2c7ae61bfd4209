package io.smartlb.core.strategy;

import io.smartlb.core.Job;
import io.smartlb.core.WaitingJobs;
import io.smartlb.core.WorkerState;
import io.smartlb.core.WorkerView;
import io.smartlb.core.Workers;
import java.util.List;

/** Hand-built views for strategy tests: waiting jobs submitted at whole seconds, and workers. */
final class Queue {

    static final long S = 1_000_000_000L;

    final WaitingJobs<Void> waiting = new WaitingJobs<>();
    private long nextId = 1;

    /** Adds a job of {@code model} submitted at {@code submittedSeconds}, no priority. */
    Job<Void> job(String model, long submittedSeconds) {
        Job<Void> job = Job.of(nextId++, model, 0, submittedSeconds * S, null);
        waiting.add(job);
        return job;
    }

    static WorkerView idle(int id, String model) {
        return new WorkerView(id, model, WorkerState.IDLE);
    }

    static WorkerView busy(int id, String model) {
        return new WorkerView(id, model, WorkerState.BUSY);
    }

    static Workers workers(WorkerView... views) {
        return Workers.of(List.of(views));
    }
}
