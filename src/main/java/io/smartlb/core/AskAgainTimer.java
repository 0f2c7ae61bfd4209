package io.smartlb.core;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Asks a dispatcher's idle workers again at the time a strategy gave with {@link
 * Decision#idleUntil} (a job becoming overdue), when no arrival or completion would ask them. One
 * daemon thread, started with the first request; a request for a time at or after one already
 * timed adds nothing, since the dispatcher then asks every idle worker, and each that stays idle
 * gives its own time again.
 */
final class AskAgainTimer {

    private static final System.Logger LOG = System.getLogger(AskAgainTimer.class.getName());

    private final Dispatcher<?> dispatcher;
    private final LongSupplier clock;
    private final Runnable afterAsking;
    private final Object lock = new Object();
    private ScheduledThreadPoolExecutor timer;   // guarded by lock; created on the first request
    private long timedAtNanos = Decision.NEVER;   // guarded by lock
    private boolean stopped;                      // guarded by lock

    /**
     * @param afterAsking runs after each time the workers were asked again, outside the dispatcher's
     *     lock: what a caller of the dispatcher does then (ending the jobs it expired)
     */
    AskAgainTimer(Dispatcher<?> dispatcher, LongSupplier clock, Runnable afterAsking) {
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.afterAsking = afterAsking;
    }

    /** Times a call of {@link Dispatcher#askIdleWorkers} at {@code atNanos}. Called under the dispatcher's lock: never blocks. */
    void request(long atNanos) {
        synchronized (lock) {
            if (stopped || atNanos >= timedAtNanos) {
                return;
            }
            timedAtNanos = atNanos;
            if (timer == null) {
                timer = new ScheduledThreadPoolExecutor(1, task -> {
                    Thread thread = new Thread(task, "smartlb-ask-again");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            try {
                timer.schedule(this::askAgain, Math.max(0, atNanos - clock.getAsLong()), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // stopped meanwhile: nothing to ask
            }
        }
    }

    private void askAgain() {
        synchronized (lock) {
            timedAtNanos = Decision.NEVER;
        }
        try {
            dispatcher.askIdleWorkers(clock.getAsLong());
            afterAsking.run();
        } catch (RuntimeException | Error e) {
            // the executor would keep it in a future nobody reads: say it, and time the next ask all the same
            LOG.log(System.Logger.Level.ERROR, "asking idle workers again failed", e);
        }
        // a time asked for while this task ran may have been dropped as later than the one it served
        long next = dispatcher.askAgainAtNanos();
        if (next != Decision.NEVER) {
            request(next);
        }
    }

    /** Stops the timer thread; later requests are ignored. */
    void stop() {
        synchronized (lock) {
            stopped = true;
            if (timer != null) {
                timer.shutdownNow();
            }
        }
    }
}
