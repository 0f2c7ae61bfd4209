package io.smartlb.core;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The balancer's view of its {@link JobListener}: an exception or an {@code Error} (a failed
 * assertion, say) the listener throws is logged (at the 1st, 10th, 100th... time) and goes no
 * further, so that it cannot kill a worker loop, lose the next job the dispatcher handed that loop,
 * stop a shutdown halfway, or leave a job's result incomplete; a {@link VirtualMachineError} (out
 * of memory, a stack overflow) goes on, as it would from anywhere else. It hears of a job in order:
 * a worker that starts a job at once, or a thread that ends it, waits until the submitter's
 * {@code submitted} callback has returned; a start or a requeue is not told once the end has been,
 * and an end that comes while one is told is told next by the thread telling it.
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
            guard("submitted", () -> listener.submitted(job));
        } finally {
            job.announced();
        }
    }

    @Override
    public void started(JobHandle<?, ?> job) {
        job.awaitAnnouncement();
        tellBeforeTheEnd(job, "started", () -> listener.started(job));
    }

    @Override
    public void requeued(JobHandle<?, ?> job, int worker, boolean loaded, NotDeliveredException reason) {
        // a shutdown may fail the job as it is queued again: the requeue is told before that end, or not at all
        tellBeforeTheEnd(job, "requeued", () -> listener.requeued(job, worker, loaded, reason));
    }

    // what a worker's loop tells of a job before its end: not once the end has been told, and an
    // end that comes meanwhile is told after it, also when the callback throws a VirtualMachineError
    private void tellBeforeTheEnd(JobHandle<?, ?> job, String event, Runnable call) {
        if (!job.tellingEvent()) {
            return;  // it has ended already, and the listener heard so
        }
        try {
            guard(event, call);
        } finally {
            if (job.eventTold()) {
                guard("finished", () -> listener.finished(job));  // it ended as this was told
            }
        }
    }

    @Override
    public void finished(JobHandle<?, ?> job) {
        job.awaitAnnouncement();
        if (job.endTelling()) {
            guard("finished", () -> listener.finished(job));
        }
    }

    @Override
    public void refused(String model, RejectedJobException reason) {
        guard("refused", () -> listener.refused(model, reason));
    }

    private void guard(String event, Runnable call) {
        try {
            call.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            failed(event, e);
        }
    }

    private void failed(String event, Throwable e) {
        long count = failures.incrementAndGet();
        if (Dispatcher.isPowerOfTen(count)) {
            LOG.log(System.Logger.Level.ERROR, "job listener " + listener + " failed in " + event + " ("
                    + count + " time(s) so far); the balancer goes on", e);
        }
    }
}
