package io.smartlb.core.strategy;

import io.smartlb.core.JobCost;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-model estimates of load time and job time, learned from what jobs cost, and of how often
 * jobs arrive, learned from their submissions (exponentially weighted moving averages). A model
 * not seen yet is assumed to cost what models cost on average so far, or the configured defaults
 * before anything was seen. At most {@code maxModels} models are remembered, least recently used
 * forgotten first. Not thread-safe: the dispatcher's lock guards it.
 */
final class CostModel {

    // weight of a new sample: recent costs count most, one outlier does not dominate
    private static final double ALPHA = 0.3;
    // weight of a new gap between arrivals: a rate over about the last eight jobs, so a burst
    // shows within a few jobs. A long pause stays in the mean for a while (a 100 s pause in a
    // stream of one job a second takes about 20 jobs to fade to half); restarting the mean after a
    // gap of 4, 8 or 16 mean gaps missed as many targets or more over 200 traces (bench/RESULTS.md)
    private static final double GAP_ALPHA = 0.125;

    private final Map<String, Estimate> byModel;
    private final Estimate overall;

    CostModel(Duration defaultLoad, Duration defaultProcess, int maxModels) {
        this.overall = new Estimate(defaultLoad.toNanos(), defaultProcess.toNanos());
        this.byModel = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Estimate> eldest) {
                return size() > maxModels;
            }
        };
    }

    /** Returns the estimated load time of {@code model}, in nanoseconds. */
    double loadNanos(String model) {
        Estimate e = byModel.get(model);
        return e == null || !e.loadSeen ? overall.load : e.load;
    }

    /** Returns the estimated time of one job of {@code model}, in nanoseconds. */
    double processNanos(String model) {
        Estimate e = byModel.get(model);
        return e == null || !e.processSeen ? overall.process : e.process;
    }

    /** Returns whether any load was measured yet: before, every load time is the configured default. */
    boolean hasSeenALoad() {
        return overall.loadSeen;
    }

    /** Returns the load time over all models so far (each load counts once), in nanoseconds. */
    double averageLoadNanos() {
        return overall.load;
    }

    /** Returns the time of one job over all models so far, in nanoseconds. */
    double averageProcessNanos() {
        return overall.process;
    }

    /**
     * Returns how many jobs of {@code model} arrive per nanosecond, from the recent gaps between
     * its arrivals; the time since its last arrival counts as a gap once it is longer, so a model
     * whose jobs stopped coming slows down. Zero before its second arrival, and for a model
     * forgotten to keep the table bounded; infinite while its recent jobs all arrived at once.
     */
    double arrivalsPerNano(String model, long nowNanos) {
        Estimate e = byModel.get(model);
        if (e == null || e.arrivals < 2) {
            return 0;
        }
        double gap = Math.max(e.gap, nowNanos - e.lastArrival);
        return gap <= 0 ? Double.POSITIVE_INFINITY : 1 / gap;
    }

    void arrived(String model, long nowNanos) {
        estimate(model).addArrival(nowNanos);
    }

    void observe(JobCost cost) {
        Estimate e = estimate(cost.model());
        long process = cost.processNanos();
        if (process >= 0) {
            e.addProcess(process);
            overall.addProcess(process);
        }
        if (cost.loaded()) {
            // a load not measured apart is the job's time less what its jobs usually take
            double usualJob = e.processSeen ? e.process : overall.process;
            long load = cost.loadNanos() >= 0 ? cost.loadNanos() : Math.max(0, cost.totalNanos() - (long) usualJob);
            e.addLoad(load);
            overall.addLoad(load);
        }
    }

    private Estimate estimate(String model) {
        return byModel.computeIfAbsent(model, m -> new Estimate(overall.load, overall.process));
    }

    /** One model's (or all models') running estimates. */
    private static final class Estimate {
        double load;
        double process;
        boolean loadSeen;
        boolean processSeen;
        long arrivals;
        long lastArrival;
        double gap;

        Estimate(double load, double process) {
            this.load = load;
            this.process = process;
        }

        void addLoad(long sample) {
            load = loadSeen ? load + ALPHA * (sample - load) : sample;
            loadSeen = true;
        }

        void addProcess(long sample) {
            process = processSeen ? process + ALPHA * (sample - process) : sample;
            processSeen = true;
        }

        void addArrival(long nowNanos) {
            // the dispatcher reports arrivals in time order; from a caller that does not, a gap
            // back in time counts as 0, and the last arrival never goes back
            long sample = Math.max(0, nowNanos - lastArrival);
            if (arrivals == 1) {
                gap = sample;
            } else if (arrivals > 1) {
                gap += GAP_ALPHA * (sample - gap);
            }
            arrivals++;
            lastArrival = Math.max(lastArrival, nowNanos);
        }
    }
}
