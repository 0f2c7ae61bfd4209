package io.smartlb.core.strategy;

import io.smartlb.core.Decision;
import io.smartlb.core.Job;
import io.smartlb.core.Waiting;
import io.smartlb.core.WorkerView;

/**
 * A head job and its two penalties, for a switch and for a model another worker holds. Its score
 * is its effective submit time plus both (now is left out since it is the same for every
 * candidate); lower wins, ties go to the earlier submission. Scores are compared by their
 * differences: each penalty may be up to the longest a long holds, so neither a score nor the sum
 * of the two penalties need fit in one (106751 days added to a clock reading wraps), while the
 * difference of two penalties does, and a sum of two such differences that does not fit is far
 * larger than any difference of effective times.
 */
record Candidate(Job<?> job, long switchNanos, long sharedNanos) {

    static final Candidate NONE = new Candidate(null, 0, 0);

    /** Returns this or {@code other} with the penalties given, whichever scores better. */
    Candidate orBetter(Job<?> other, long otherSwitchNanos, long otherSharedNanos) {
        if (other == null) {
            return this;
        }
        if (job == null) {
            return new Candidate(other, otherSwitchNanos, otherSharedNanos);
        }
        // other wins when other.effective + its penalties < job.effective + this one's
        long olderBy = job.effectiveNanos() - other.effectiveNanos();  // within a few times 10^15 ns
        long penalizedBy = saturatedSum(otherSwitchNanos - switchNanos, otherSharedNanos - sharedNanos);
        if (penalizedBy < olderBy || penalizedBy == olderBy && other.id() < job.id()) {
            return new Candidate(other, otherSwitchNanos, otherSharedNanos);
        }
        return this;
    }

    Decision decide(WorkerView worker, Waiting waiting, long nowNanos) {
        return job == null ? Decision.nothingWaits() : Reasons.decide(worker, job, waiting, nowNanos);
    }

    // a + b, or the long nearest to it when it does not fit
    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }
}
