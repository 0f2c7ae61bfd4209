package io.smartlb.core.strategy;

import io.smartlb.core.Decision;
import io.smartlb.core.DurationText;
import io.smartlb.core.Job;
import io.smartlb.core.Strategy;
import io.smartlb.core.Waiting;
import io.smartlb.core.WaitingModel;
import io.smartlb.core.WorkerView;
import io.smartlb.core.Workers;
import java.time.Duration;

/**
 * Groups jobs by model, with time (the seed's {@code GroupsByNameWithTime}). Each model's head job
 * scores its effective submit time minus now, plus {@code switchPenalty} when the worker does not
 * hold the model, plus {@code sharedModelPenalty} when another worker holds it and this one does
 * not (the worker's own model scores no penalty, whoever else holds it, as in the seed); the lowest
 * score wins, ties to the earlier submission.
 *
 * <p>Only three heads can win: the worker's own model's, the oldest of the models other workers
 * hold, and the oldest of the models no worker holds; the waiting index keeps held and unheld
 * models apart, so a decision costs O(log W) with W workers, whatever the number of models.
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
        String own = worker.model();
        Candidate best = Candidate.NONE;
        if (own != null) {
            best = best.orBetter(waiting.head(own), 0, 0);
        }
        best = best.orBetter(oldestHeldElsewhere(own, waiting), switchPenaltyNanos, sharedModelPenaltyNanos);
        best = best.orBetter(waiting.oldestUnheldHead(), switchPenaltyNanos, 0);
        return best.decide(worker, waiting, nowNanos);
    }

    // every model held by another worker scores the same penalty, so only the oldest can win
    private static Job<?> oldestHeldElsewhere(String own, Waiting waiting) {
        for (WaitingModel held : waiting.heldModelsByAge()) {
            if (!held.model().equals(own)) {
                return held.head();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return NAME + "(switch-penalty=" + DurationText.of(Duration.ofNanos(switchPenaltyNanos))
                + ", shared-model-penalty=" + DurationText.of(Duration.ofNanos(sharedModelPenaltyNanos)) + ")";
    }
}
