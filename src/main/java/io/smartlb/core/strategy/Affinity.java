package io.smartlb.core.strategy;

import io.smartlb.core.Decision;
import io.smartlb.core.Job;
import io.smartlb.core.Strategy;
import io.smartlb.core.Waiting;
import io.smartlb.core.WorkerView;
import io.smartlb.core.Workers;
import java.time.Duration;

/**
 * Groups jobs by model, with time (the seed's {@code GroupsByNameWithTime}). Each model's head job
 * scores its effective submit time minus now, plus {@code switchPenalty} when the worker does not
 * hold the model, plus {@code sharedModelPenalty} when another worker holds it; the lowest score
 * wins, ties to the earlier submission.
 *
 * <p>Only three kinds of model can win: the worker's own, one held by another worker (at most
 * W - 1), and the oldest model held by none. So a decision costs O(W + log M) with W workers and M
 * waiting models, never a scan of all models or jobs.
 */
public final class Affinity implements Strategy {

    /** The configuration name. */
    public static final String NAME = "affinity";
    /** The seed's switch penalty. */
    public static final Duration DEFAULT_SWITCH_PENALTY = Duration.ofSeconds(10);
    /** The seed's penalty for a model another worker holds. */
    public static final Duration DEFAULT_SHARED_MODEL_PENALTY = Duration.ofSeconds(1);

    private final long switchPenaltyNanos;
    private final long sharedModelPenaltyNanos;

    public Affinity() {
        this(DEFAULT_SWITCH_PENALTY, DEFAULT_SHARED_MODEL_PENALTY);
    }

    public Affinity(Duration switchPenalty, Duration sharedModelPenalty) {
        this.switchPenaltyNanos = Penalties.nanos("switch-penalty", switchPenalty);
        this.sharedModelPenaltyNanos = Penalties.nanos("shared-model-penalty", sharedModelPenalty);
    }

    @Override
    public Decision next(WorkerView worker, Waiting waiting, Workers workers, long nowNanos) {
        Candidate best = Candidate.NONE;
        if (worker.model() != null) {
            best = best.orBetter(waiting.head(worker.model()), 0);
        }
        long sharedPenalty = switchPenaltyNanos + sharedModelPenaltyNanos;
        for (WorkerView other : workers.all()) {
            if (other.id() != worker.id() && other.model() != null && !worker.holds(other.model())) {
                best = best.orBetter(waiting.head(other.model()), sharedPenalty);
            }
        }
        best = best.orBetter(Candidate.oldestUnheld(waiting, workers), switchPenaltyNanos);
        return best.decide(worker, waiting, nowNanos);
    }

    @Override
    public String toString() {
        return NAME + "(switch-penalty=" + Duration.ofNanos(switchPenaltyNanos)
                + ", shared-model-penalty=" + Duration.ofNanos(sharedModelPenaltyNanos) + ")";
    }
}
