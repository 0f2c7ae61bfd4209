package io.smartlb.backend;

/** A remote model server answered a job with an error, or could not be reached. */
public class UpstreamException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int upstreamStatus;

    /**
     * @param upstreamStatus the upstream's HTTP status, or 0 when it gave none
     */
    public UpstreamException(String message, int upstreamStatus) {
        super(message);
        this.upstreamStatus = upstreamStatus;
    }

    /** Returns the upstream's HTTP status, or 0 when it gave none. */
    public int upstreamStatus() {
        return upstreamStatus;
    }
}
