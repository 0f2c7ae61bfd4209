package io.smartlb.service;

/**
 * Which health-probe answers still count. Probes go out every interval whether or not the last one
 * has answered, and a probe to a hung upstream may fail long after a later one passed; applied in
 * the order they complete, such a stale failure would take a recovered upstream out of service
 * again (and with it its model). Only an answer to a probe sent after the last applied one counts.
 * Thread-safe.
 */
final class ProbeOrder {

    private final long[] sent;      // guarded by this
    private final long[] applied;   // guarded by this

    ProbeOrder(int workers) {
        this.sent = new long[workers];
        this.applied = new long[workers];
    }

    /** Returns how many workers are probed. */
    int workers() {
        return sent.length;
    }

    /** Numbers a probe sent now to {@code worker}. */
    synchronized long send(int worker) {
        return ++sent[worker];
    }

    /**
     * Runs {@code apply} if the answer to {@code probe} is newer than every answer applied so far
     * for {@code worker}; under this object's lock, so that a newer answer cannot slip in between.
     *
     * @return whether it ran
     */
    synchronized boolean applyIfNewest(int worker, long probe, Runnable apply) {
        if (probe <= applied[worker]) {
            return false;
        }
        applied[worker] = probe;
        apply.run();
        return true;
    }
}
