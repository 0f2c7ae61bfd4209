package io.smartlb.service;

/**
 * How long an upstream answer the http backend reads ({@code balancer.http.max-response-size}),
 * against the heap: every upstream may be answering at once, and an answer takes several times its
 * length while it is read, parsed, kept as the job's result and written to its client (the bytes,
 * the parser's characters, the text, the client's buffer).
 */
final class ResponseSizeLimit {

    /** The limit when the heap can take it. */
    static final long MOST_BY_DEFAULT = 16L << 20;
    /**
     * Heap bytes one answer byte may take at its peak: 4 answers of 15 MiB at once ran out of a
     * 256 MiB heap and fit in 512 MiB (bench/RESULTS.md).
     */
    static final int HEAP_PER_ANSWER_BYTE = 8;
    /** The longest answer one array can hold. */
    static final long LARGEST = Integer.MAX_VALUE - 8;

    private ResponseSizeLimit() {
    }

    /**
     * Returns the limit when none is set: {@link #MOST_BY_DEFAULT}, or less, so that an answer that
     * long on every upstream at once takes at most half of the heap.
     */
    static long byDefault(long heapBytes, int upstreams) {
        return Math.max(1, Math.min(MOST_BY_DEFAULT, heapBytes / (2L * HEAP_PER_ANSWER_BYTE * upstreams)));
    }

    /** Returns whether answers of {@code limit} bytes on every upstream at once may take more than the heap. */
    static boolean outgrowsHeap(long limit, long heapBytes, int upstreams) {
        return limit > heapBytes / ((long) HEAP_PER_ANSWER_BYTE * upstreams);
    }
}
