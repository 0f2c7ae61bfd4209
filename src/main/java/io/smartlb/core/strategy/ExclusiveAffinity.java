package io.smartlb.core.strategy;

import io.smartlb.core.Decision;
import io.smartlb.core.DurationText;
import io.smartlb.core.Strategy;
import io.smartlb.core.Waiting;
import io.smartlb.core.WorkerView;
import io.smartlb.core.Workers;
import java.time.Duration;

/**
 * As {@link Affinity}, but a model that another worker holds is never taken by this one, its own
 * model excepted (the seed's {@code GroupsByNameWithTimeNoSameWorker}). It may leave a worker idle
 * while jobs wait for a model held elsewhere. O(1) per decision: its own head and the oldest head
 * no worker holds, both read from the waiting index.
 */
public final class ExclusiveAffinity implements Strategy {

    /** The configuration name. */
    public static final String NAME = "exclusive-affinity";

    private final long switchPenaltyNanos;

    public ExclusiveAffinity() {
        this(Affinity.DEFAULT_SWITCH_PENALTY);
    }

    public ExclusiveAffinity(Duration switchPenalty) {
        this.switchPenaltyNanos = Penalties.nanos("switch-penalty", switchPenalty);
    }

    @Override
    public Decision next(WorkerView worker, Waiting waiting, Workers workers, long nowNanos) {
        Candidate best = Candidate.NONE;
        if (worker.model() != null) {
            best = best.orBetter(waiting.head(worker.model()), 0, 0);
        }
        best = best.orBetter(waiting.oldestUnheldHead(), switchPenaltyNanos, 0);
        if (best == Candidate.NONE) {
            return waiting.size() == 0 ? Decision.nothingWaits() : Decision.idle("every waiting model is held by another worker");
        }
        return best.decide(worker, waiting, nowNanos);
    }

    @Override
    public String toString() {
        return NAME + "(switch-penalty=" + DurationText.of(Duration.ofNanos(switchPenaltyNanos)) + ")";
    }
}
