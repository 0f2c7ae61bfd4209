package io.smartlb.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The one owner of the waiting jobs and the worker states: it admits jobs, asks the strategy which
 * job a free worker runs next, and keeps per-worker statistics.
 *
 * <p>Rules (design.md section 3): a new job joins the waiting index and, when some worker is free,
 * is offered to the first free worker holding its model, else the first free worker holding none,
 * else the first free worker; that worker then asks the strategy, which may hand it another job. A
 * worker that finishes asks the strategy again. A failed load leaves the worker holding no model.
 *
 * <p>Threading: every public method takes one lock and returns; none blocks except
 * {@link #awaitIdle}. The caller runs the jobs it is handed outside the lock and reports each end
 * with {@link #complete}. The strategy is called under the lock; when it throws, answers null or
 * chooses a job that is not waiting, the oldest job runs instead (an exception from
 * {@code observe} or {@code arrived} changes nothing else), and the failure is counted
 * ({@link #strategyFailures}) and logged at the 1st, 10th, 100th... time. Submission costs, for the
 * arrival rule, O(W / 64) (bit sets of the free workers) and, if free workers hold the job's model,
 * O(min(h, f)) for h of them and f free workers before the first of them; then the index and
 * strategy costs; see {@link WaitingJobs}.
 *
 * @param <P> the job payload type
 */
public final class Dispatcher<P> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final Strategy strategy;
    private final int capacity;
    private final WaitingJobs<P> waiting;                         // guarded by lock
    private final Slot<P>[] slots;                                // guarded by lock
    private final WorkerView[] views;                             // guarded by lock
    // the ids of the free workers, and of those among them that hold no model, as publish left them
    private final BitSet free;                                    // guarded by lock
    private final BitSet freeAndEmpty;                            // guarded by lock
    private int freeCount;                                        // guarded by lock
    // per model, the workers that hold it and those of them that are free, linked through the
    // workers: an arrival finds the first free holder, and a strategy the holders, without a walk
    // over every worker
    private final Map<String, Holders<P>> holdersByModel = new HashMap<>();  // guarded by lock
    private final Workers workers;
    private final Consumer<Assignment<P>> handOff;
    private final boolean expiry;
    private final Queue<Job<P>> expiredAtDispatch = new ConcurrentLinkedQueue<>();
    private long maxWaitNanos;                                    // guarded by lock; 0: off
    private long nextId = 1;                                      // guarded by lock
    private long lastSubmittedNanos = Long.MIN_VALUE;             // guarded by lock
    private int busy;                                             // guarded by lock
    private boolean closed;                                       // guarded by lock
    private String closedBecause;                                 // guarded by lock; null: close()
    private boolean stopped;                                      // guarded by lock
    private long strategyFailures;                                // guarded by lock
    private long askAgainAtNanos = Decision.NEVER;                // guarded by lock
    private LongConsumer askAgainListener = at -> { };            // guarded by lock
    private final String strategyName;
    private final Queue<StrategyFailure> failuresToLog = new ConcurrentLinkedQueue<>();

    /**
     * Creates a dispatcher for {@code workerCount} empty, idle workers whose extra assignments are
     * refused (for strategies that never leave a worker idle while jobs wait, and for tests).
     */
    public Dispatcher(Strategy strategy, int workerCount, int capacity) {
        this(strategy, workerCount, capacity, extra -> {
            throw new IllegalStateException("no hand-off for an assignment to worker " + extra.worker());
        });
    }

    /**
     * Creates a dispatcher for {@code workerCount} empty, idle workers.
     *
     * @param capacity how many jobs may wait before {@link #submit} throws {@link QueueFullException}
     * @param handOff takes, under the lock, assignments made to other workers than the caller's:
     *     when a worker leaves a model that still has waiting jobs, idle workers are asked again
     *     (a strategy may have left them idle because that model was held); it must not block
     */
    public Dispatcher(Strategy strategy, int workerCount, int capacity, Consumer<Assignment<P>> handOff) {
        this(strategy, workerCount, capacity, handOff, true);
    }

    /**
     * As {@link #Dispatcher(Strategy, int, int, Consumer)}; without {@code expiry} the waiting index
     * keeps no submission order (less work per job) and {@link #expire} is unsupported.
     */
    @SuppressWarnings("unchecked")
    public Dispatcher(Strategy strategy, int workerCount, int capacity, Consumer<Assignment<P>> handOff,
                      boolean expiry) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.strategyName = nameOf(strategy);
        this.waiting = new WaitingJobs<>(expiry);
        this.expiry = expiry;
        this.handOff = Objects.requireNonNull(handOff, "handOff");
        if (workerCount < 1) {
            throw new IllegalArgumentException("workers must be >= 1: " + workerCount);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.capacity = capacity;
        this.slots = new Slot[workerCount];
        this.views = new WorkerView[workerCount];
        this.free = new BitSet(workerCount);
        this.freeAndEmpty = new BitSet(workerCount);
        for (int i = 0; i < workerCount; i++) {
            slots[i] = new Slot<>(i);
            publish(slots[i]);
        }
        List<WorkerView> live = Collections.unmodifiableList(Arrays.asList(views));
        this.workers = new Workers() {
            @Override
            public List<WorkerView> all() {
                return live;
            }

            @Override
            public int idleHolders(String model) {  // the asking worker's free lists change once it is decided
                Holders<P> held = holdersByModel.get(model);
                return held == null ? 0 : held.size[Holders.FREE];
            }

            @Override
            public List<WorkerView> holding(String model) {  // called by the strategy, under the lock
                List<WorkerView> found = new ArrayList<>();
                Holders<P> held = holdersByModel.get(model);
                Slot<P> slot = held == null ? null : held.first[Holders.ALL];
                for (; slot != null; slot = slot.next[Holders.ALL]) {
                    found.add(views[slot.id]);
                }
                return found;
            }
        };
    }

    /** Returns the number of workers. */
    public int workerCount() {
        return slots.length;
    }

    /** Returns the queue capacity. */
    public int capacity() {
        return capacity;
    }

    /**
     * Admits a new job submitted at {@code nowNanos}, or at the previous job's submit time if that
     * is later (submit times never go back).
     *
     * @return the job, and the assignment it caused for a free worker (null when none is free or
     *     the strategy left it idle); the assigned job may be another one than the new job
     * @throws QueueFullException when {@code capacity} jobs wait
     * @throws ShutdownException after {@link #close}, or once every worker is {@linkplain #retire retired}
     */
    public Admission<P> submit(String model, double priority, P payload, long nowNanos) {
        lock.lock();
        try {
            if (closed) {
                throw closedBecause == null ? new ShutdownException() : new ShutdownException(closedBecause);
            }
            if (waiting.size() >= capacity) {
                throw new QueueFullException(capacity);
            }
            // callers read their clocks before this lock: submit times follow admission order, which
            // expiry relies on (it stops at the first job submitted after the cut-off)
            long submitted = Math.max(nowNanos, lastSubmittedNanos);
            lastSubmittedNanos = submitted;
            Job<P> job = Job.of(nextId, model, priority, submitted, payload);
            nextId++;
            waiting.add(job);
            try {
                strategy.arrived(job, submitted);
            } catch (RuntimeException | Error e) {
                learningFailed(e);
            }
            Slot<P> slot = offeredWorker(model);
            return new Admission<>(job, slot == null ? null : decide(slot, submitted));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records the end of {@code worker}'s job and returns its next assignment, or null when it stays
     * idle (or is down).
     */
    public Assignment<P> complete(int worker, Outcome outcome, long nowNanos) {
        return complete(worker, outcome, nowNanos, null);
    }

    /**
     * As {@link #complete(int, Outcome, long)}, first telling the strategy what the job cost.
     *
     * @param cost what the job cost, or null when unknown
     */
    public Assignment<P> complete(int worker, Outcome outcome, long nowNanos, JobCost cost) {
        Objects.requireNonNull(outcome, "outcome");
        lock.lock();
        try {
            if (cost != null) {
                try {
                    strategy.observe(cost);
                } catch (RuntimeException | Error e) {
                    learningFailed(e);
                }
            }
            Slot<P> slot = slot(worker);
            if (slot.job == null) {
                throw new IllegalStateException("worker " + worker + " has no running job");
            }
            Job<P> ended = slot.job;
            slot.job = null;
            busy--;
            switch (outcome) {
                case DONE -> {
                    slot.completed++;
                    slot.completedSinceLoad++;
                }
                case FAILED -> slot.failed++;
                case LOAD_FAILED -> {
                    slot.failed++;
                    setModel(slot, null);
                }
            }
            Assignment<P> next = slot.up ? decide(slot, nowNanos) : null;
            if (next == null) {
                publish(slot);
                signalIfIdle();
            }
            if (outcome == Outcome.LOAD_FAILED) {
                reoffer(ended.model(), nowNanos);  // as undelivered does: the model is free again
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes back the job {@code worker} could not deliver (its server refused the connection, or
     * broke it before any answer): the worker goes down and, when {@code requeue}, the job waits
     * again in its old place; else the caller has failed it, and the worker counts it as failed.
     * When the job never {@code reached} the worker, the load it was given for is not counted.
     *
     * @return the assignment this caused for a free worker, or null
     */
    public Assignment<P> undelivered(int worker, boolean requeue, boolean reached, long nowNanos) {
        lock.lock();
        try {
            Job<P> job = slot(worker).job;
            if (job == null) {
                throw new IllegalStateException("worker " + worker + " has no running job");
            }
            return undelivered(worker, job, requeue, reached, nowNanos);
        } finally {
            lock.unlock();
        }
    }

    /**
     * As {@link #undelivered(int, boolean, boolean, long)}, for {@code job} only: if the worker no
     * longer holds it (another caller took it back already), nothing happens and null is returned.
     */
    public Assignment<P> undelivered(int worker, Job<?> job, boolean requeue, boolean reached, long nowNanos) {
        return takeBack(worker, job, requeue, reached, true, nowNanos);
    }

    /**
     * As {@link #undelivered(int, Job, boolean, boolean, long)} for a job that never reached the
     * worker and is not sent again (its caller ended it: nobody waits for it any more, or a
     * shutdown failed it before it started): the worker goes down, and counts the job neither as
     * done nor as failed.
     */
    public void dropped(int worker, Job<?> job, long nowNanos) {
        takeBack(worker, job, false, false, false, nowNanos);
    }

    private Assignment<P> takeBack(int worker, Job<?> job, boolean requeue, boolean reached, boolean failed,
                                   long nowNanos) {
        lock.lock();
        try {
            Slot<P> slot = slot(worker);
            Job<P> taken = slot.job;
            if (taken == null || taken != job) {
                return null;
            }
            if (!reached && slot.jobLoads) {
                slot.loads--;
            }
            slot.job = null;
            busy--;
            slot.up = false;
            setModel(slot, null);
            publish(slot);
            if (!requeue) {
                if (failed) {
                    slot.failed++;
                }
                publish(slot);
                signalIfIdle();
                reoffer(taken.model(), nowNanos);  // to free workers a strategy left idle while this one held it
                return null;
            }
            waiting.addAgain(taken);
            Slot<P> other = offeredWorker(taken.model());
            Assignment<P> next = other == null ? null : decide(other, nowNanos);
            reoffer(taken.model(), nowNanos);
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** Removes a waiting job; returns false when it is not waiting (running, finished or unknown). */
    public boolean cancel(Job<?> job) {
        lock.lock();
        try {
            boolean removed = waiting.remove(job);
            if (removed) {
                signalIfIdle();
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * From now on, before a worker is given a job, the jobs that have waited longer than
     * {@code maxWaitNanos} are removed, so that none starts after waiting that long; the caller
     * takes them with {@link #takeExpired} and ends them. 0 turns it off. Needs expiry.
     */
    public void expireAtDispatch(long maxWaitNanos) {
        if (maxWaitNanos < 0) {
            throw new IllegalArgumentException("maxWaitNanos must be >= 0: " + maxWaitNanos);
        }
        if (maxWaitNanos > 0 && !expiry) {
            throw new IllegalStateException("expiry at dispatch needs a dispatcher created with expiry");
        }
        lock.lock();
        try {
            this.maxWaitNanos = maxWaitNanos;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the next job removed at dispatch for waiting too long (see {@link #expireAtDispatch}),
     * oldest first, or null. Takes no lock.
     */
    public Job<P> takeExpired() {
        return expiredAtDispatch.poll();
    }

    /** Removes and returns, oldest first, the jobs that have waited longer than {@code maxWaitNanos}. */
    public List<Job<P>> expire(long nowNanos, long maxWaitNanos) {
        lock.lock();
        try {
            List<Job<P>> expired = waiting.removeSubmittedBefore(cutOff(nowNanos, maxWaitNanos));
            if (!expired.isEmpty()) {
                signalIfIdle();
            }
            return expired;
        } finally {
            lock.unlock();
        }
    }

    /** Takes no new jobs from now on; waiting and running jobs go on. */
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes and returns every waiting job, in submission order; after a {@link #close}, also
     * stops bringing workers back ({@link #markUp} does nothing from then on).
     */
    public List<Job<P>> removeAllWaiting() {
        lock.lock();
        try {
            stopped = closed;
            List<Job<P>> all = waiting.removeAll();
            signalIfIdle();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until no job waits and no worker is busy, or the timeout passes.
     *
     * @return true when idle
     */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long remaining = unit.toNanos(timeout);
        lock.lock();
        try {
            while (!isIdle()) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = idle.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes {@code worker} out of service: it gets no new jobs and holds no model (so others may
     * take its model's jobs); a running job still ends through {@link #complete}.
     */
    public void markDown(int worker, long nowNanos) {
        markDown(worker, false, nowNanos);
    }

    /**
     * As {@link #markDown}, for good: {@link #markUp} does not bring {@code worker} back (its loop
     * died). Once every worker is retired, no job could ever start: it takes no new jobs, as after
     * {@link #close}, and says why.
     */
    public void retire(int worker, long nowNanos) {
        markDown(worker, true, nowNanos);
    }

    private void markDown(int worker, boolean retire, long nowNanos) {
        lock.lock();
        try {
            Slot<P> slot = slot(worker);
            slot.up = false;
            slot.retired |= retire;
            if (retire && !closed && everyWorkerRetired()) {
                closed = true;
                closedBecause = "no worker left: every worker loop died; no new jobs are accepted";
            }
            String left = slot.model;
            setModel(slot, null);
            publish(slot);
            reoffer(left, nowNanos);
        } finally {
            lock.unlock();
        }
    }

    private boolean everyWorkerRetired() {
        for (Slot<P> slot : slots) {
            if (!slot.retired) {
                return false;
            }
        }
        return true;
    }

    /**
     * Brings {@code worker} back holding no model, and returns its first assignment or null; a
     * worker {@linkplain #retire retired} stays down, and so does every worker once {@link
     * #removeAllWaiting} ran after {@link #close}.
     */
    public Assignment<P> markUp(int worker, long nowNanos) {
        lock.lock();
        try {
            Slot<P> slot = slot(worker);
            if (slot.up || slot.retired || stopped) {
                return null;
            }
            slot.up = true;
            setModel(slot, null);
            Assignment<P> next = slot.job == null ? decide(slot, nowNanos) : null;
            if (next == null) {
                publish(slot);
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the job {@code worker} was given and has not ended (it may not have started it), or null. */
    public Job<P> runningJob(int worker) {
        lock.lock();
        try {
            return slot(worker).job;
        } finally {
            lock.unlock();
        }
    }

    /** Returns whether {@code worker} is out of service. O(1). */
    public boolean isDown(int worker) {
        lock.lock();
        try {
            return !slot(worker).up;
        } finally {
            lock.unlock();
        }
    }

    /** Returns every worker's state and statistics. */
    public List<WorkerSnapshot> workers() {
        lock.lock();
        try {
            List<WorkerSnapshot> result = new ArrayList<>(slots.length);
            for (Slot<P> slot : slots) {
                result.add(slot.snapshot());
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Returns how many jobs wait. */
    public int queued() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Returns, per model with waiting jobs, how many wait and since when; O(waiting jobs). */
    public List<ModelBacklog> backlogs() {
        lock.lock();
        try {
            return waiting.backlogs();
        } finally {
            lock.unlock();
        }
    }

    // the arrival rule: the first free holder, else the first free empty worker, else the first free
    // one; a walk over every worker made each arrival O(W), and 100,000 workers too slow to simulate
    private Slot<P> offeredWorker(String model) {
        Holders<P> held = holdersByModel.get(model);
        if (held != null && held.size[Holders.FREE] > 0) {
            return firstFreeHolder(held);
        }
        int empty = freeAndEmpty.nextSetBit(0);
        int any = empty >= 0 ? empty : free.nextSetBit(0);
        return any >= 0 ? slots[any] : null;
    }

    // the lowest id among a model's free holders, whose list is in no order: walking the free workers
    // in id order meets that one first. Both walks go a step at a time and the shorter ends it, so
    // it costs at most as many steps as the model has free holders, or free workers before it
    private Slot<P> firstFreeHolder(Holders<P> held) {
        Slot<P> lowest = null;
        Slot<P> listed = held.first[Holders.FREE];
        for (int id = free.nextSetBit(0); ; id = free.nextSetBit(id + 1)) {
            if (slots[id].holders == held) {
                return slots[id];
            }
            lowest = lowest == null || listed.id < lowest.id ? listed : lowest;
            listed = listed.next[Holders.FREE];
            if (listed == null) {
                return lowest;
            }
        }
    }

    /**
     * Sets what learns, under the lock, of the earliest time a strategy asked for its idle workers
     * to be asked again ({@link Decision#idleUntil}): whoever keeps the clock then calls {@link
     * #askIdleWorkers}. It must not block. One listener; a later call replaces it.
     */
    public void onAskAgain(LongConsumer listener) {
        Objects.requireNonNull(listener, "listener");
        lock.lock();
        try {
            askAgainListener = listener;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the earliest time a strategy asked for its idle workers to be asked again, or {@link Decision#NEVER}. */
    public long askAgainAtNanos() {
        lock.lock();
        try {
            return askAgainAtNanos;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Asks every idle worker again, once the time a strategy gave with {@link Decision#idleUntil}
     * has come (before it, nothing happens); assignments go to the hand-off.
     */
    public void askIdleWorkers(long nowNanos) {
        lock.lock();
        try {
            if (nowNanos < askAgainAtNanos) {
                return;
            }
            askAgainAtNanos = Decision.NEVER;
            for (Slot<P> slot : slots) {
                if (slot.free() && waiting.size() > 0) {
                    Assignment<P> assignment = decide(slot, nowNanos);
                    if (assignment != null) {
                        handOff.accept(assignment);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    // a model lost its holder while its jobs wait: idle workers may have refused them before
    private void reoffer(String model, long nowNanos) {
        if (model == null || waiting.count(model) == 0) {
            return;
        }
        Slot<P> taker;
        while ((taker = offeredWorker(model)) != null) {
            Assignment<P> extra = decide(taker, nowNanos);
            if (extra == null) {
                return;
            }
            handOff.accept(extra);
        }
    }

    // the submit time before which a job has waited longer than maxWait: the clock may read
    // negative (System.nanoTime does), so the difference saturates
    private static long cutOff(long nowNanos, long maxWaitNanos) {
        try {
            return Math.subtractExact(nowNanos, maxWaitNanos);
        } catch (ArithmeticException e) {
            return maxWaitNanos > 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private Assignment<P> decide(Slot<P> slot, long readNanos) {
        // a caller read its clock before this lock, and a submit may have come in since: no job
        // starts before it was submitted, and max-wait is checked at the latest time known
        long nowNanos = Math.max(readNanos, lastSubmittedNanos);
        // the strategy sees the worker free; its free sets change only once decided (a caller whose
        // worker stays idle publishes it, or it was free before), one list move less per job
        views[slot.id] = slot.view();
        if (maxWaitNanos > 0 && waiting.size() > 0) {
            expiredAtDispatch.addAll(waiting.removeSubmittedBefore(cutOff(nowNanos, maxWaitNanos)));
            if (waiting.size() == 0) {
                signalIfIdle();  // the drain may be waiting for the last of them
            }
        }
        if (waiting.size() == 0 || stopped) {
            return null;  // after shutdown took the queue, a job that comes back waits to be failed
        }
        Decision decision = ask(slot, nowNanos);
        if (decision.isIdle()) {
            long askAgainAt = decision.askAgainAtNanos();
            if (askAgainAt > nowNanos && askAgainAt < askAgainAtNanos) {
                askAgainAtNanos = askAgainAt;
                askAgainListener.accept(askAgainAt);
            }
            return null;
        }
        @SuppressWarnings("unchecked")
        Job<P> job = (Job<P>) decision.job();
        if (!waiting.remove(job)) {
            decision = strategyFailed(new IllegalStateException("it chose a job that is not waiting: " + job));
            @SuppressWarnings("unchecked")
            Job<P> oldest = (Job<P>) decision.job();
            job = oldest;
            if (!waiting.remove(job)) {
                throw new IllegalStateException("the waiting index lost its oldest job " + job);
            }
        }
        boolean load = !job.model().equals(slot.model);
        String left = slot.model;
        if (load) {
            setModel(slot, job.model());
            slot.loads++;
            slot.completedSinceLoad = 0;
        }
        slot.job = job;
        slot.jobLoads = load;
        busy++;
        publish(slot);
        Assignment<P> assignment = new Assignment<>(slot.id, job, load, decision.lazyReason(), nowNanos);
        if (load) {
            reoffer(left, nowNanos);
        }
        return assignment;
    }

    // a strategy that throws or answers null must not strand the job or the worker: the oldest job runs
    private Decision ask(Slot<P> slot, long nowNanos) {
        try {
            Decision decision = strategy.next(views[slot.id], waiting, workers, nowNanos);
            return decision != null ? decision
                    : strategyFailed(new IllegalStateException("it returned null; use Decision.idle(reason)"));
        } catch (RuntimeException | Error e) {
            return strategyFailed(e);
        }
    }

    // what the strategy learns from must not undo an admission or a completion half way (no lambda
    // around those calls: one allocation per job cost throughput)
    private void learningFailed(Throwable e) {
        countFailure(e, "; nothing else changes");
    }

    private Decision strategyFailed(Throwable e) {
        countFailure(e, "; the oldest job runs instead");
        Job<P> oldest = waiting.oldestHead();
        return Decision.run(oldest, "oldest job: the strategy failed: " + e.getMessage());
    }

    // the 1st, 10th, 100th... failure is queued for the caller to log after the lock (no I/O under it)
    private void countFailure(Throwable e, String consequence) {
        strategyFailures++;
        if (isPowerOfTen(strategyFailures)) {
            failuresToLog.add(new StrategyFailure("strategy " + strategyName + " failed (" + strategyFailures
                    + " time(s) so far)" + consequence, e));
        }
    }

    // toString is the strategy's own code: asked once, and not trusted to work
    private static String nameOf(Strategy strategy) {
        try {
            return String.valueOf(strategy);
        } catch (RuntimeException | Error e) {
            return strategy.getClass().getName();
        }
    }

    /** Takes the next strategy failure to log (the 1st, 10th, 100th...), or null. Any thread. */
    public StrategyFailure takeStrategyFailure() {
        return failuresToLog.poll();
    }

    /** A strategy failure to log: what happened and the exception. */
    public record StrategyFailure(String message, Throwable cause) {
    }

    // the 1st, 10th, 100th...: how often repeated failures are logged
    static boolean isPowerOfTen(long n) {
        while (n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }

    /**
     * Returns how often the strategy failed: a call that threw (also {@code observe} or
     * {@code arrived}), or a decision that was null or named a job that was not waiting.
     */
    public long strategyFailures() {
        lock.lock();
        try {
            return strategyFailures;
        } finally {
            lock.unlock();
        }
    }

    private void setModel(Slot<P> slot, String model) {
        if (slot.model != null) {
            waiting.release(slot.model);
            if (slot.listedFree) {
                slot.holders.unlink(Holders.FREE, slot);
                slot.listedFree = false;
            }
            slot.holders.unlink(Holders.ALL, slot);
            if (slot.holders.size[Holders.ALL] == 0) {
                holdersByModel.remove(slot.model);
            }
            slot.holders = null;
        }
        slot.model = model;
        if (model != null) {
            waiting.hold(model);
            slot.holders = holdersByModel.computeIfAbsent(model, m -> new Holders<>());
            slot.holders.link(Holders.ALL, slot);
        }
    }

    // after each change to a worker: what strategies see of it, and whether arrivals may go to it
    private void publish(Slot<P> slot) {
        views[slot.id] = slot.view();
        boolean isFree = slot.free();
        if (isFree != free.get(slot.id)) {
            freeCount += isFree ? 1 : -1;
            free.set(slot.id, isFree);
        }
        freeAndEmpty.set(slot.id, isFree && slot.model == null);
        boolean listFree = isFree && slot.holders != null;  // no hash lookup: once per job
        if (listFree != slot.listedFree) {
            if (listFree) {
                slot.holders.link(Holders.FREE, slot);
            } else {
                slot.holders.unlink(Holders.FREE, slot);
            }
            slot.listedFree = listFree;
        }
    }

    /**
     * The workers that hold one model (ALL) and those of them that are free (FREE): two lists
     * linked through the workers, in no order, with their lengths. Kept while the model has holders.
     */
    private static final class Holders<P> {
        static final int ALL = 0;
        static final int FREE = 1;
        @SuppressWarnings("unchecked")
        final Slot<P>[] first = new Slot[2];
        final int[] size = new int[2];

        void link(int list, Slot<P> slot) {
            slot.previous[list] = null;
            slot.next[list] = first[list];
            if (first[list] != null) {
                first[list].previous[list] = slot;
            }
            first[list] = slot;
            size[list]++;
        }

        void unlink(int list, Slot<P> slot) {
            if (slot.previous[list] != null) {
                slot.previous[list].next[list] = slot.next[list];
            } else {
                first[list] = slot.next[list];
            }
            if (slot.next[list] != null) {
                slot.next[list].previous[list] = slot.previous[list];
            }
            slot.previous[list] = null;
            slot.next[list] = null;
            size[list]--;
        }
    }

    private boolean isIdle() {
        return busy == 0 && waiting.size() == 0;
    }

    private void signalIfIdle() {
        if (isIdle()) {
            idle.signalAll();
        }
    }

    private Slot<P> slot(int worker) {
        if (worker < 0 || worker >= slots.length) {
            throw new IllegalArgumentException("no worker " + worker + "; workers: 0.." + (slots.length - 1));
        }
        return slots[worker];
    }

    /** A worker's mutable state; only touched under the dispatcher's lock. */
    private static final class Slot<P> {
        final int id;
        String model;
        Job<P> job;
        boolean jobLoads;  // whether job was given to this worker with a load
        boolean up = true;
        boolean retired;
        long completed;
        long failed;
        long loads;
        long completedSinceLoad;
        // its model's holders, whose lists it is in (free ones: while listedFree), and its links there
        Holders<P> holders;
        boolean listedFree;
        @SuppressWarnings("unchecked")
        final Slot<P>[] previous = new Slot[2];
        @SuppressWarnings("unchecked")
        final Slot<P>[] next = new Slot[2];

        Slot(int id) {
            this.id = id;
        }

        boolean free() {
            return up && job == null;
        }

        WorkerState state() {
            return !up ? WorkerState.DOWN : job != null ? WorkerState.BUSY : WorkerState.IDLE;
        }

        WorkerView view() {
            return new WorkerView(id, model, state());
        }

        WorkerSnapshot snapshot() {
            return new WorkerSnapshot(id, model, state(), job == null ? null : job.id(),
                    completed, failed, loads, completedSinceLoad);
        }
    }
}
