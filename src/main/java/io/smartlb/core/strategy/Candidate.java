package io.smartlb.core.strategy;

import io.smartlb.core.Decision;
import io.smartlb.core.Job;
import io.smartlb.core.Waiting;
import io.smartlb.core.WorkerView;

/**
 * A head job and its score (effective submit time plus penalties; now is left out since it is
 * the same for every candidate). Lower wins; ties go to the earlier submission.
 */
record Candidate(Job<?> job, long score) {

    static final Candidate NONE = new Candidate(null, Long.MAX_VALUE);

    /** Returns this or {@code other} scored with {@code penaltyNanos}, whichever is better. */
    Candidate orBetter(Job<?> other, long penaltyNanos) {
        if (other == null) {
            return this;
        }
        long otherScore = other.effectiveNanos() + penaltyNanos;
        if (job == null || otherScore < score || (otherScore == score && other.id() < job.id())) {
            return new Candidate(other, otherScore);
        }
        return this;
    }

    Decision decide(WorkerView worker, Waiting waiting, long nowNanos) {
        return job == null ? Decision.nothingWaits() : Reasons.decide(worker, job, waiting, nowNanos);
    }
}
