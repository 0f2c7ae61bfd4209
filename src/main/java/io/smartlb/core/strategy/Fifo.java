package io.smartlb.core.strategy;

import io.smartlb.core.Decision;
import io.smartlb.core.Job;
import io.smartlb.core.Strategy;
import io.smartlb.core.Waiting;
import io.smartlb.core.WorkerView;
import io.smartlb.core.Workers;

/**
 * First in, first out: the job with the oldest effective submit time, whatever the worker holds
 * (the seed's {@code Oldest}). O(1) per decision.
 */
public final class Fifo implements Strategy {

    /** The configuration name. */
    public static final String NAME = "fifo";

    @Override
    public Decision next(WorkerView worker, Waiting waiting, Workers workers, long nowNanos) {
        Job<?> oldest = waiting.oldestHead();
        if (oldest == null) {
            return Decision.nothingWaits();
        }
        long waited = oldest.waitedNanos(nowNanos);
        return Decision.run(oldest, () -> Reasons.choice(worker, oldest, "oldest, waited " + Reasons.seconds(waited)));
    }

    @Override
    public String toString() {
        return NAME;
    }
}
