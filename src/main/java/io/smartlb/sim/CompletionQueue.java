package io.smartlb.sim;

/**
 * The running jobs' finish times, earliest first, ties by worker id: a binary min-heap of worker
 * ids (each worker runs at most one job) over primitive arrays, so a million completions box
 * nothing. O(log W) per add and poll.
 */
final class CompletionQueue {

    private final int[] heap;
    private final long[] finishMs;
    private int size;

    CompletionQueue(int workers) {
        heap = new int[workers];
        finishMs = new long[workers];
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Returns the earliest finish time; the queue must not be empty. */
    long peekTime() {
        return finishMs[heap[0]];
    }

    /** Schedules {@code worker}, which must not be queued already, to finish at {@code timeMs}. */
    void add(int worker, long timeMs) {
        finishMs[worker] = timeMs;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(worker, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = worker;
    }

    /** Removes and returns the worker that finishes first. */
    int poll() {
        int first = heap[0];
        int last = heap[--size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], last)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        if (size > 0) {
            heap[i] = last;
        }
        return first;
    }

    private boolean before(int a, int b) {
        return finishMs[a] < finishMs[b] || (finishMs[a] == finishMs[b] && a < b);
    }
}
