package io.smartlb.core.strategy;

import io.smartlb.core.Decision;
import io.smartlb.core.Job;
import io.smartlb.core.Waiting;
import io.smartlb.core.WorkerView;

/** Short dispatch reasons shared by the built-in strategies. */
final class Reasons {

    private Reasons() {
    }

    /**
     * Returns a decision to run {@code job} whose reason, {@code kept m1: 3 waiting, head waited
     * 1.2 s}, is built only when read: the figures are taken now, the text later.
     */
    static Decision decide(WorkerView worker, Job<?> job, Waiting waiting, long nowNanos) {
        int count = waiting.count(job.model());
        long waited = job.waitedNanos(nowNanos);
        return Decision.run(job, () -> choice(worker, job, count + " waiting, head waited " + seconds(waited)));
    }

    /**
     * Returns why {@code job} is overdue at {@code nowNanos}, {@code head waited 61.0 s > max-wait}, with
     * its priority when it has one, {@code head waited 0.3 s + 10.0 s priority > max-wait}: the bound
     * counts a priority as waiting already done.
     */
    static String overdue(String which, Job<?> job, long nowNanos) {
        String waited = which + " waited " + seconds(job.waitedNanos(nowNanos));
        long headStart = job.submittedNanos() - job.effectiveNanos();
        if (headStart > 0) {
            waited += " + " + seconds(headStart) + " priority";
        } else if (headStart < 0) {
            waited += " - " + seconds(-headStart) + " priority";
        }
        return waited + " > max-wait";
    }

    /** Returns a duration in seconds with one decimal, rounded, e.g. {@code 12.3 s}. */
    static String seconds(long nanos) {
        long tenths = (Math.max(0, nanos) + 50_000_000L) / 100_000_000L;
        return tenths / 10 + "." + tenths % 10 + " s";
    }

    /** Returns {@code kept m1: why}, {@code loaded m1: why} or {@code switched m0 -> m1: why}. */
    static String choice(WorkerView worker, Job<?> job, String why) {
        if (worker.holds(job.model())) {
            return "kept " + job.model() + ": " + why;
        }
        if (worker.empty()) {
            return "loaded " + job.model() + ": " + why;
        }
        return "switched " + worker.model() + " -> " + job.model() + ": " + why;
    }
}
