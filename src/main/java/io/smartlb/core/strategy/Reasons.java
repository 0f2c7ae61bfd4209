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
     * counts a priority as waiting already done. Figures are cut, not rounded, to tenths of a second,
     * or to milli-, micro- or nanoseconds, the first at which they add up to more than
     * {@code maxWaitNanos} ({@code 3.001 s}, not {@code 3.0 s}, for a max-wait of 3 s); a negative
     * priority is shown rounded up instead: a reason never reads false.
     */
    static String overdue(String which, Job<?> job, long nowNanos, long maxWaitNanos) {
        long waited = Math.max(0, job.waitedNanos(nowNanos));
        long headStart = job.submittedNanos() - job.effectiveNanos();
        int digits = 1;
        long unit = 100_000_000L;
        // a shown wait is never longer than the real one, a shown negative head start never shorter
        while (unit > 1 && (waited / unit + Math.floorDiv(headStart, unit)) * unit <= maxWaitNanos) {
            digits += digits == 1 ? 2 : 3;
            unit /= digits == 3 ? 100 : 1_000;
        }
        String text = which + " waited " + cut(waited, unit, digits);
        if (headStart > 0) {
            text += " + " + cut(headStart, unit, digits) + " priority";
        } else if (headStart < 0) {
            text += " - " + cut(Math.floorDiv(headStart, unit) * -unit, unit, digits) + " priority";
        }
        return text + " > max-wait";
    }

    // nanos cut to whole units (1 to 10^8 ns), shown in seconds with digits decimals
    private static String cut(long nanos, long unit, int digits) {
        long units = nanos / unit;
        long perSecond = 1_000_000_000L / unit;
        String decimals = Long.toString(units % perSecond);
        return units / perSecond + "." + "0".repeat(digits - decimals.length()) + decimals + " s";
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
