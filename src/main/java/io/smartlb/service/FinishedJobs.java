package io.smartlb.service;

/**
 * The ended jobs the registry retains, oldest first, found by id, with the bytes each is counted
 * for: a ring of records in the order they were added, and an open-addressing table from id to ring slot (linear probing over
 * primitive arrays, at most half full). Adding a job allocates nothing but when the ring doubles:
 * no map node, no boxed id, no queue node per job. Adding, finding and removing the oldest are
 * O(1) (amortized when the ring grows).
 *
 * <p>Not thread-safe: the registry calls it under its lock.
 */
final class FinishedJobs {

    private static final int MIN_CAPACITY = 16;
    private static final long PHI = 0x9E3779B97F4A7C15L;

    private FinishedJob[] ring = new FinishedJob[MIN_CAPACITY];
    private int[] weights = new int[MIN_CAPACITY];
    private int head;
    private int size;
    private long bytes;
    // index: ids and 1 + their ring slots; a slot of 0 marks a free entry; twice the ring's length
    private long[] ids = new long[2 * MIN_CAPACITY];
    private int[] slots = new int[2 * MIN_CAPACITY];
    private int indexBits = Integer.numberOfTrailingZeros(2 * MIN_CAPACITY);

    /** Adds a job as the newest, counted for {@code weight} bytes; its id must not be here already. */
    void add(FinishedJob job, int weight) {
        if (size == ring.length) {
            grow();
        }
        int slot = (head + size) & (ring.length - 1);
        ring[slot] = job;
        weights[slot] = weight;
        bytes += weight;
        size++;
        index(job.id(), slot);
    }

    /** Returns the job with this id, or null. */
    FinishedJob find(long id) {
        int mask = ids.length - 1;
        for (int i = home(id); slots[i] != 0; i = (i + 1) & mask) {
            if (ids[i] == id) {
                return ring[slots[i] - 1];
            }
        }
        return null;
    }

    /** Returns the oldest job, or null when there is none. */
    FinishedJob oldest() {
        return size == 0 ? null : ring[head];
    }

    /** Removes the oldest job and returns it, or returns null when there is none. */
    FinishedJob removeOldest() {
        if (size == 0) {
            return null;
        }
        FinishedJob job = ring[head];
        ring[head] = null;
        bytes -= weights[head];
        head = (head + 1) & (ring.length - 1);
        size--;
        unindex(job.id());
        return job;
    }

    /** Returns how many jobs are here. */
    int size() {
        return size;
    }

    /** Returns the bytes the jobs here are counted for. */
    long bytes() {
        return bytes;
    }

    private int home(long id) {
        // Fibonacci hashing: consecutive ids spread over the table
        return (int) ((id * PHI) >>> (64 - indexBits));
    }

    private void index(long id, int slot) {
        int mask = ids.length - 1;
        int i = home(id);
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        ids[i] = id;
        slots[i] = slot + 1;
    }

    // backward-shift deletion: later entries of the probe run move up, so that no tombstone is needed
    private void unindex(long id) {
        int mask = ids.length - 1;
        int free = home(id);
        while (slots[free] != 0 && ids[free] != id) {
            free = (free + 1) & mask;
        }
        if (slots[free] == 0) {
            throw new IllegalStateException("job " + id + " is not indexed");
        }
        for (int i = (free + 1) & mask; slots[i] != 0; i = (i + 1) & mask) {
            int home = home(ids[i]);
            // the entry at i may fill the hole unless its home lies cyclically in (free, i]
            boolean stays = free <= i ? free < home && home <= i : free < home || home <= i;
            if (!stays) {
                ids[free] = ids[i];
                slots[free] = slots[i];
                free = i;
            }
        }
        slots[free] = 0;
    }

    private void grow() {
        FinishedJob[] old = ring;
        int[] oldWeights = weights;
        ring = new FinishedJob[old.length * 2];
        weights = new int[ring.length];
        for (int k = 0; k < size; k++) {
            ring[k] = old[(head + k) & (old.length - 1)];
            weights[k] = oldWeights[(head + k) & (old.length - 1)];
        }
        head = 0;
        ids = new long[ring.length * 2];
        slots = new int[ring.length * 2];
        indexBits = Integer.numberOfTrailingZeros(ids.length);
        for (int k = 0; k < size; k++) {
            index(ring[k].id(), k);
        }
    }
}
