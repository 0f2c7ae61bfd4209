package io.smartlb.core.strategy;

import io.smartlb.core.Decision;
import io.smartlb.core.Job;
import io.smartlb.core.Waiting;
import io.smartlb.core.WorkerView;

/**
 * A head job and its penalty. Its score is its effective submit time plus the penalty (now is left
 * out since it is the same for every candidate); lower wins, ties go to the earlier submission.
 * Scores are compared by their differences, which fit a long for every penalty up to the longest
 * a long holds: the sum need not (a penalty of 106751 days added to a clock reading wraps).
 */
record Candidate(Job<?> job, long penaltyNanos) {

    static final Candidate NONE = new Candidate(null, 0);

    /** Returns this or {@code other} scored with {@code penaltyNanos}, whichever is better. */
    Candidate orBetter(Job<?> other, long otherPenaltyNanos) {
        if (other == null) {
            return this;
        }
        if (job == null) {
            return new Candidate(other, otherPenaltyNanos);
        }
        // other wins when other.effective + otherPenalty < job.effective + penalty
        long olderBy = job.effectiveNanos() - other.effectiveNanos();  // effective times differ by far less than a long
        long penalizedBy = otherPenaltyNanos - penaltyNanos;           // both in [0, Long.MAX_VALUE]
        if (penalizedBy < olderBy || penalizedBy == olderBy && other.id() < job.id()) {
            return new Candidate(other, otherPenaltyNanos);
        }
        return this;
    }

    Decision decide(WorkerView worker, Waiting waiting, long nowNanos) {
        return job == null ? Decision.nothingWaits() : Reasons.decide(worker, job, waiting, nowNanos);
    }
}
