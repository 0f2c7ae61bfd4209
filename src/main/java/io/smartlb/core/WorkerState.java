package io.smartlb.core;

/** What a worker is doing. */
public enum WorkerState {
    /** Free: waiting for a job. */
    IDLE,
    /** Running a job (and maybe loading its model first). */
    BUSY,
    /** Out of service: gets no jobs until it is brought back up. */
    DOWN
}
