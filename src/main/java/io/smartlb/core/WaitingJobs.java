package io.smartlb.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.TreeSet;

/**
 * The index of waiting jobs: per model a queue ordered by effective submit time; the model heads
 * in two ordered sets, for models that some worker holds and for the others; and all jobs in
 * submission order (for expiry). The {@link Dispatcher} tells it which models workers hold
 * ({@link #hold}, {@link #release}).
 *
 * <p>Costs, with n jobs of a model, M models waiting and W workers: adding a job in order (the
 * usual case: no head start) and removing a head are O(1) in the model's queue plus O(log M) when
 * the head changes; a job with a head start goes to a small sorted side set, O(log n); removing a
 * job from the middle of a queue (a cancel) is O(n); holding or releasing a model is O(log M).
 * {@link #head}, {@link #count}, {@link #holders}, {@link #oldestHead} and
 * {@link #oldestUnheldHead} are O(1); walking the first k models by age is O(k + log M). Memory is
 * O(jobs + W).
 *
 * <p>Not thread-safe: the {@link Dispatcher} owns it and calls it under its lock.
 *
 * @param <P> the job payload type
 */
public final class WaitingJobs<P> implements Waiting {

    private static final Comparator<Job<?>> BY_SUBMISSION =
            Comparator.<Job<?>>comparingLong(Job::submittedNanos).thenComparingLong(Job::id);

    private static final Comparator<ModelQueue<?>> BY_HEAD = (a, b) -> {
        int byTime = Long.compare(a.headEffective, b.headEffective);
        return byTime != 0 ? byTime : Long.compare(a.headId, b.headId);
    };

    // models with waiting jobs or holders (or both)
    private final Map<String, ModelQueue<P>> byModel = new HashMap<>();
    private final Heads<P> held = new Heads<>();
    private final Heads<P> unheld = new Heads<>();
    // in the order jobs were added, which is their submission order (up to the clock readings of
    // concurrent submitters); null without expiry
    private final LinkedHashSet<Job<P>> bySubmission;
    // jobs that wait again (a worker could not deliver them), by submission time: they are older
    // than the jobs added since, so bySubmission cannot keep them in order; null until one comes
    private TreeSet<Job<P>> waitingAgain;
    private int size;

    /** Creates an index that can also expire jobs by submission time. */
    public WaitingJobs() {
        this(true);
    }

    /**
     * Creates an index; without {@code expiry} it keeps no submission-order index (one hash-set
     * entry less per job), and {@link #removeSubmittedBefore} is unsupported.
     */
    public WaitingJobs(boolean expiry) {
        this.bySubmission = expiry ? new LinkedHashSet<>() : null;
    }

    /** Adds a job that is not waiting yet. */
    public void add(Job<P> job) {
        if (bySubmission != null && (isWaitingAgain(job) || !bySubmission.add(job))) {
            throw new IllegalArgumentException("job already waits: " + job);
        }
        index(job);
    }

    /**
     * Adds a job that waited before, with its old submission time: one its worker could not
     * deliver. It keeps its place by age, and expires by its submission time like the others.
     */
    public void addAgain(Job<P> job) {
        if (bySubmission != null) {
            if (bySubmission.contains(job)) {
                throw new IllegalArgumentException("job already waits: " + job);
            }
            if (waitingAgain == null) {
                waitingAgain = new TreeSet<>(BY_SUBMISSION);
            }
            if (!waitingAgain.add(job)) {
                throw new IllegalArgumentException("job already waits: " + job);
            }
        }
        index(job);
    }

    private boolean isWaitingAgain(Job<?> job) {
        return waitingAgain != null && holds(waitingAgain, job);
    }

    // a sorted set finds a job by its sort keys, which a job of another dispatcher can share
    private static boolean holds(TreeSet<? extends Job<?>> set, Job<?> job) {
        @SuppressWarnings("unchecked")
        Job<?> found = ((TreeSet<Job<?>>) set).floor(job);
        return found == job;
    }

    private void index(Job<P> job) {
        size++;
        ModelQueue<P> queue = byModel.computeIfAbsent(job.model(), ModelQueue::new);
        boolean newHead = queue.head == null || Job.BY_EFFECTIVE_TIME.compare(job, queue.head) < 0;
        if (newHead && queue.head != null) {
            headsOf(queue).remove(queue);
        }
        queue.add(job);
        if (newHead) {
            queue.setHead(job);
            headsOf(queue).add(queue);
        }
    }

    /** Removes a waiting job; returns false when it was not waiting. */
    public boolean remove(Job<?> job) {
        boolean again = isWaitingAgain(job);
        if (bySubmission != null && !again && !bySubmission.contains(job)) {
            return false;  // O(1) for a job that does not wait (one that started, say)
        }
        ModelQueue<P> queue = byModel.get(job.model());
        if (queue == null || queue.head == null) {
            return false;
        }
        boolean wasHead = queue.head.equals(job);
        if (!wasHead && !queue.contains(job)) {
            return false;  // nothing changed: a job that only looks like a waiting one stays out
        }
        if (bySubmission != null && !(again ? waitingAgain.remove(job) : bySubmission.remove(job))) {
            throw new IllegalStateException("the submission index lost " + job);
        }
        if (wasHead) {
            headsOf(queue).remove(queue);
        }
        queue.remove(job);
        size--;
        if (queue.size == 0) {
            queue.head = null;
            forgetIfUnused(queue);
        } else if (wasHead) {
            queue.setHead(queue.first());
            headsOf(queue).add(queue);
        }
        return true;
    }

    /** Notes that one more worker holds {@code model}. */
    public void hold(String model) {
        ModelQueue<P> queue = byModel.computeIfAbsent(model, ModelQueue::new);
        if (queue.holders++ == 0 && queue.head != null) {
            unheld.remove(queue);
            held.add(queue);
        }
    }

    /** Notes that one worker fewer holds {@code model}; it must have been held. */
    public void release(String model) {
        ModelQueue<P> queue = byModel.get(model);
        if (queue == null || queue.holders == 0) {
            throw new IllegalStateException("model not held: " + model);
        }
        if (--queue.holders == 0) {
            if (queue.head != null) {
                held.remove(queue);
                unheld.add(queue);
            }
            forgetIfUnused(queue);
        }
    }

    private void forgetIfUnused(ModelQueue<P> queue) {
        if (queue.size == 0 && queue.holders == 0) {
            byModel.remove(queue.model);
        }
    }

    private Heads<P> headsOf(ModelQueue<P> queue) {
        return queue.holders > 0 ? held : unheld;
    }

    /** Removes and returns, oldest first, the jobs submitted before {@code cutoffNanos}. */
    public List<Job<P>> removeSubmittedBefore(long cutoffNanos) {
        if (bySubmission == null) {
            throw new IllegalStateException("this index keeps no submission order: create it with expiry");
        }
        List<Job<P>> removed = new ArrayList<>();
        for (Job<P> job : bySubmission) {
            if (job.submittedNanos() >= cutoffNanos) {
                break;
            }
            removed.add(job);
        }
        if (waitingAgain != null) {
            for (Job<P> job : waitingAgain) {
                if (job.submittedNanos() >= cutoffNanos) {
                    break;
                }
                removed.add(job);
            }
            removed.sort(BY_SUBMISSION);
        }
        removed.forEach(this::remove);
        return removed;
    }

    /** Removes and returns every waiting job, in submission order; held models stay held. */
    public List<Job<P>> removeAll() {
        List<Job<P>> all = new ArrayList<>(size);
        for (Iterator<ModelQueue<P>> it = byModel.values().iterator(); it.hasNext(); ) {
            ModelQueue<P> queue = it.next();
            all.addAll(queue.ordered);
            if (queue.early != null) {
                all.addAll(queue.early);
            }
            if (queue.holders == 0) {
                it.remove();
            } else {
                queue.clear();
            }
        }
        all.sort(Comparator.comparingLong(Job::id));
        if (bySubmission != null) {
            bySubmission.clear();
        }
        waitingAgain = null;
        held.clear();
        unheld.clear();
        size = 0;
        return all;
    }

    /** Returns, per model with waiting jobs, how many wait and the earliest submit time; O(jobs). */
    public List<ModelBacklog> backlogs() {
        List<ModelBacklog> result = new ArrayList<>(modelCount());
        for (ModelQueue<P> queue : merged()) {
            long earliest = Long.MAX_VALUE;
            // with priorities the head is not always the longest waiting job
            for (Job<P> job : queue.ordered) {
                earliest = Math.min(earliest, job.submittedNanos());
            }
            if (queue.early != null) {
                for (Job<P> job : queue.early) {
                    earliest = Math.min(earliest, job.submittedNanos());
                }
            }
            result.add(new ModelBacklog(queue.model, queue.size, earliest));
        }
        return result;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int unheldModelCount() {
        return unheld.set.size();
    }

    // models the index keeps an entry for: with waiting jobs or holders (memory stays O(jobs + W))
    int trackedModels() {
        return byModel.size();
    }

    @Override
    public int modelCount() {
        return held.set.size() + unheld.set.size();
    }

    @Override
    public Job<P> head(String model) {
        ModelQueue<P> queue = byModel.get(model);
        return queue == null ? null : queue.head;
    }

    @Override
    public int count(String model) {
        ModelQueue<P> queue = byModel.get(model);
        return queue == null ? 0 : queue.size;
    }

    @Override
    public int holders(String model) {
        ModelQueue<P> queue = byModel.get(model);
        return queue == null ? 0 : queue.holders;
    }

    @Override
    public Job<P> oldestHead() {
        ModelQueue<P> a = held.first;
        ModelQueue<P> b = unheld.first;
        if (a == null || b == null) {
            return a == null ? (b == null ? null : b.head) : a.head;
        }
        return BY_HEAD.compare(a, b) < 0 ? a.head : b.head;
    }

    @Override
    public Job<P> oldestUnheldHead() {
        return unheld.first == null ? null : unheld.first.head;
    }

    @Override
    public WaitingModel oldestUnheldModel() {
        return unheld.first;
    }

    @Override
    public Iterable<WaitingModel> modelsByAge() {
        return views(merged());
    }

    @Override
    public Iterable<WaitingModel> unheldModelsByAge() {
        return views(unheld.set);
    }

    @Override
    public Iterable<WaitingModel> heldModelsByAge() {
        return views(held.set);
    }

    // read-only: a strategy cannot remove from the index through the iterator
    private static <P> Iterable<WaitingModel> views(Iterable<ModelQueue<P>> queues) {
        return () -> new Iterator<>() {
            private final Iterator<ModelQueue<P>> it = queues.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public WaitingModel next() {
                return it.next();
            }
        };
    }

    // both head sets, merged in head order
    private Iterable<ModelQueue<P>> merged() {
        return () -> new Iterator<>() {
            private final Iterator<ModelQueue<P>> a = held.set.iterator();
            private final Iterator<ModelQueue<P>> b = unheld.set.iterator();
            private ModelQueue<P> nextA = a.hasNext() ? a.next() : null;
            private ModelQueue<P> nextB = b.hasNext() ? b.next() : null;

            @Override
            public boolean hasNext() {
                return nextA != null || nextB != null;
            }

            @Override
            public ModelQueue<P> next() {
                ModelQueue<P> result;
                if (nextB == null || nextA != null && BY_HEAD.compare(nextA, nextB) < 0) {
                    if (nextA == null) {
                        throw new NoSuchElementException();
                    }
                    result = nextA;
                    nextA = a.hasNext() ? a.next() : null;
                } else {
                    result = nextB;
                    nextB = b.hasNext() ? b.next() : null;
                }
                return result;
            }
        };
    }

    /** An ordered set of model queues by head, with its first element cached: O(1) to read. */
    private static final class Heads<P> {
        final NavigableSet<ModelQueue<P>> set = new TreeSet<>(BY_HEAD);
        ModelQueue<P> first;

        void add(ModelQueue<P> queue) {
            set.add(queue);
            if (first == null || BY_HEAD.compare(queue, first) < 0) {
                first = queue;
            }
        }

        void remove(ModelQueue<P> queue) {
            set.remove(queue);
            if (queue == first) {
                first = set.isEmpty() ? null : set.first();
            }
        }

        void clear() {
            set.clear();
            first = null;
        }
    }

    /**
     * One model's waiting jobs: jobs in effective order in a deque, jobs that arrived out of order
     * (with a head start) in a sorted side set; the head, the smaller of the two firsts, is cached
     * with its sort keys so that the head sets compare primitives. Also how many workers hold it.
     */
    private static final class ModelQueue<P> implements WaitingModel {
        final String model;
        final ArrayDeque<Job<P>> ordered = new ArrayDeque<>();
        TreeSet<Job<P>> early;
        int size;
        int holders;
        // the first and last submit times, and the number, of the jobs added since the queue was
        // last empty: the times bound the waiting jobs' times, so a stream is never taken for a batch
        long earliestSubmitted = Long.MAX_VALUE;
        long latestSubmitted = Long.MIN_VALUE;
        int arrivedSinceEmpty;
        Job<P> head;
        long headEffective;
        long headId;

        ModelQueue(String model) {
            this.model = model;
        }

        @Override
        public String model() {
            return model;
        }

        @Override
        public Job<?> head() {
            return head;
        }

        @Override
        public int count() {
            return size;
        }

        @Override
        public int holders() {
            return holders;
        }

        @Override
        public boolean arrivedTogether() {
            return earliestSubmitted == latestSubmitted;
        }

        @Override
        public int arrivedSinceEmpty() {
            return arrivedSinceEmpty;
        }

        void setHead(Job<P> job) {
            head = job;
            headEffective = job.effectiveNanos();
            headId = job.id();
        }

        void add(Job<P> job) {
            Job<P> tail = ordered.peekLast();
            if (tail == null || Job.BY_EFFECTIVE_TIME.compare(job, tail) > 0) {
                ordered.addLast(job);
            } else {
                if (early == null) {
                    early = new TreeSet<>(Job.BY_EFFECTIVE_TIME);
                }
                early.add(job);
            }
            earliestSubmitted = Math.min(earliestSubmitted, job.submittedNanos());
            latestSubmitted = Math.max(latestSubmitted, job.submittedNanos());
            arrivedSinceEmpty++;
            size++;
        }

        void remove(Job<?> job) {
            if (job.equals(ordered.peekFirst())) {
                ordered.pollFirst();
            } else if (early == null || !early.remove(job)) {
                ordered.remove(job);
            }
            if (--size == 0) {
                forgetArrivals();
            }
        }

        void clear() {
            ordered.clear();
            early = null;
            size = 0;
            forgetArrivals();
            head = null;
        }

        private void forgetArrivals() {
            earliestSubmitted = Long.MAX_VALUE;
            latestSubmitted = Long.MIN_VALUE;
            arrivedSinceEmpty = 0;
        }

        // O(1) for the head, O(log n) for a head-start job, O(n) otherwise
        boolean contains(Job<?> job) {
            return job.equals(ordered.peekFirst()) || (early != null && holds(early, job)) || ordered.contains(job);
        }

        Job<P> first() {
            Job<P> a = ordered.peekFirst();
            Job<P> b = early == null || early.isEmpty() ? null : early.first();
            if (a == null) {
                return b;
            }
            return b == null || Job.BY_EFFECTIVE_TIME.compare(a, b) < 0 ? a : b;
        }
    }
}
