package io.smartlb.core;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The balancer's view of its {@link JobListener}: an exception the listener throws is logged (at
 * the 1st, 10th, 100th... time) and goes no further, so that it cannot kill a worker loop, lose
 * the next job the dispatcher handed that loop, or leave a job's result incomplete. It hears of a
 * job in order: a worker that starts a job at once, or a thread that ends it, waits until the
 * submitter's {@code submitted} callback has returned.
 */
final class GuardedListener implements JobListener {

    private static final System.Logger LOG = System.getLogger(Balancer.class.getName());

    private final JobListener listener;
    private final AtomicLong failures = new AtomicLong();

    GuardedListener(JobListener listener) {
        this.listener = listener;
    }

    @Override
    public void submitted(JobHandle<?, ?> job) {
        try {
            listener.submitted(job);
        } catch (RuntimeException e) {
            failed("submitted", e);
        } finally {
            job.announced();
        }
    }

    @Override
    public void started(JobHandle<?, ?> job) {
        job.awaitAnnouncement();
        try {
            listener.started(job);
        } catch (RuntimeException e) {
            failed("started", e);
        }
    }

    @Override
    public void requeued(JobHandle<?, ?> job, int worker, boolean loaded, NotDeliveredException reason) {
        try {
            listener.requeued(job, worker, loaded, reason);
        } catch (RuntimeException e) {
            failed("requeued", e);
        }
    }

    @Override
    public void finished(JobHandle<?, ?> job) {
        job.awaitAnnouncement();
        try {
            listener.finished(job);
        } catch (RuntimeException e) {
            failed("finished", e);
        }
    }

    @Override
    public void refused(String model, RejectedJobException reason) {
        try {
            listener.refused(model, reason);
        } catch (RuntimeException e) {
            failed("refused", e);
        }
    }

    private void failed(String event, RuntimeException e) {
        long count = failures.incrementAndGet();
        if (Dispatcher.isPowerOfTen(count)) {
            LOG.log(System.Logger.Level.ERROR, "job listener " + listener + " failed in " + event + " ("
                    + count + " time(s) so far); the balancer goes on", e);
        }
    }
}
