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
import java.util.TreeSet;

/**
 * The index of waiting jobs: per model a queue ordered by effective submit time, the model heads
 * in one ordered set, and all jobs in submission order (for expiry).
 *
 * <p>Costs, with n jobs of a model and M models waiting: adding a job in order (the usual case:
 * no head start) and removing a head are O(1) in the model's queue plus O(log M) when the head
 * changes; a job with a head start goes to a small sorted side set, O(log n); removing a job from
 * the middle of a queue (a cancel) is O(n). {@link #head} and {@link #count} are O(1),
 * {@link #oldestHead} O(1); walking the first k heads by age is O(k + log M). Memory is O(jobs).
 *
 * <p>Not thread-safe: the {@link Dispatcher} owns it and calls it under its lock.
 *
 * @param <P> the job payload type
 */
public final class WaitingJobs<P> implements Waiting {

    private static final Comparator<ModelQueue<?>> BY_HEAD = (a, b) -> {
        int byTime = Long.compare(a.headEffective, b.headEffective);
        return byTime != 0 ? byTime : Long.compare(a.headId, b.headId);
    };

    private final Map<String, ModelQueue<P>> byModel = new HashMap<>();
    private final NavigableSet<ModelQueue<P>> heads = new TreeSet<>(BY_HEAD);
    // heads.first(), kept up to date by the mutations (already O(log M)) so decisions read it in O(1)
    private ModelQueue<P> first;
    // submission order equals id order, so the oldest submissions come first; null without expiry
    private final LinkedHashSet<Job<P>> bySubmission;
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
        if (bySubmission != null && !bySubmission.add(job)) {
            throw new IllegalArgumentException("job already waits: " + job);
        }
        size++;
        ModelQueue<P> queue = byModel.computeIfAbsent(job.model(), ModelQueue::new);
        boolean newHead = queue.head == null || Job.BY_EFFECTIVE_TIME.compare(job, queue.head) < 0;
        if (newHead && queue.head != null) {
            removeHead(queue);
        }
        queue.add(job);
        if (newHead) {
            queue.setHead(job);
            addHead(queue);
        }
    }

    /** Removes a waiting job; returns false when it was not waiting. */
    public boolean remove(Job<?> job) {
        if (bySubmission != null && !bySubmission.remove(job)) {
            return false;
        }
        ModelQueue<P> queue = byModel.get(job.model());
        if (queue == null) {
            return false;
        }
        boolean wasHead = queue.head.equals(job);
        if (wasHead) {
            removeHead(queue);
        } else if (!queue.contains(job)) {
            return false;
        }
        queue.remove(job);
        size--;
        if (queue.size == 0) {
            byModel.remove(job.model());
        } else if (wasHead) {
            queue.setHead(queue.first());
            addHead(queue);
        }
        return true;
    }

    private void addHead(ModelQueue<P> queue) {
        heads.add(queue);
        if (first == null || BY_HEAD.compare(queue, first) < 0) {
            first = queue;
        }
    }

    private void removeHead(ModelQueue<P> queue) {
        heads.remove(queue);
        if (queue == first) {
            first = heads.isEmpty() ? null : heads.first();
        }
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
        removed.forEach(this::remove);
        return removed;
    }

    /** Removes and returns every waiting job, in submission order. */
    public List<Job<P>> removeAll() {
        List<Job<P>> all = new ArrayList<>(size);
        for (ModelQueue<P> queue : byModel.values()) {
            all.addAll(queue.ordered);
            if (queue.early != null) {
                all.addAll(queue.early);
            }
        }
        all.sort(Comparator.comparingLong(Job::id));
        if (bySubmission != null) {
            bySubmission.clear();
        }
        byModel.clear();
        heads.clear();
        first = null;
        size = 0;
        return all;
    }

    /** Returns, per model with waiting jobs, how many wait and the earliest submit time; O(jobs). */
    public List<ModelBacklog> backlogs() {
        List<ModelBacklog> result = new ArrayList<>(byModel.size());
        for (ModelQueue<P> queue : heads) {
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
    public int modelCount() {
        return byModel.size();
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
    public Job<P> oldestHead() {
        return first == null ? null : first.head;
    }

    @Override
    public Iterable<Job<?>> headsByAge() {
        return () -> new Iterator<>() {
            private final Iterator<ModelQueue<P>> queues = heads.iterator();

            @Override
            public boolean hasNext() {
                return queues.hasNext();
            }

            @Override
            public Job<?> next() {
                return queues.next().head;
            }
        };
    }

    /**
     * One model's waiting jobs: jobs in effective order in a deque, jobs that arrived out of order
     * (with a head start) in a sorted side set; the head, the smaller of the two firsts, is cached
     * with its sort keys so that the heads set compares primitives.
     */
    private static final class ModelQueue<P> {
        final String model;
        final ArrayDeque<Job<P>> ordered = new ArrayDeque<>();
        TreeSet<Job<P>> early;
        int size;
        Job<P> head;
        long headEffective;
        long headId;

        void setHead(Job<P> job) {
            head = job;
            headEffective = job.effectiveNanos();
            headId = job.id();
        }

        ModelQueue(String model) {
            this.model = model;
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
            size++;
        }

        void remove(Job<?> job) {
            if (job.equals(ordered.peekFirst())) {
                ordered.pollFirst();
            } else if (early == null || !early.remove(job)) {
                ordered.remove(job);
            }
            size--;
        }

        // O(1) for the head, O(log n) for a head-start job, O(n) otherwise
        boolean contains(Job<?> job) {
            return job.equals(ordered.peekFirst()) || (early != null && early.contains(job)) || ordered.contains(job);
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
