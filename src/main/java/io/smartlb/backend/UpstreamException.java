package io.smartlb.backend;

/** A remote model server answered a job with an error, or could not be reached. */
public class UpstreamException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int upstreamStatus;
    private final boolean complete;

    /**
     * An upstream's complete answer that fails the job.
     *
     * @param upstreamStatus the upstream's HTTP status, or 0 when it gave none
     */
    public UpstreamException(String message, int upstreamStatus) {
        this(message, upstreamStatus, true);
    }

    private UpstreamException(String message, int upstreamStatus, boolean complete) {
        super(message);
        this.upstreamStatus = upstreamStatus;
        this.complete = complete;
    }

    /**
     * Returns a failure without a complete answer: it broke off, timed out, or was not HTTP.
     *
     * @param upstreamStatus the status of the answer's head if it came, else 0
     */
    public static UpstreamException incomplete(String message, int upstreamStatus) {
        return new UpstreamException(message, upstreamStatus, false);
    }

    /** Returns the upstream's HTTP status, or 0 when it gave none. */
    public int upstreamStatus() {
        return upstreamStatus;
    }

    /** Returns whether the upstream gave a complete answer (one that fails the job); false when it broke off, timed out or was not HTTP. */
    public boolean isComplete() {
        return complete;
    }
}
