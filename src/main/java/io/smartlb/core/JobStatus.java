package io.smartlb.core;

/** Where a job is in its life. Every status but QUEUED and RUNNING is final. */
public enum JobStatus {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED, EXPIRED;

    /** Returns whether the job has ended. */
    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
