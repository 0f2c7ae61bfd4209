package io.smartlb.core;

/**
 * A worker and its statistics at one moment.
 *
 * @param id the worker's id
 * @param model the loaded model, or null
 * @param state idle, busy or down
 * @param jobId the running job's id, or null
 * @param completed jobs that ended DONE
 * @param failed jobs that ended FAILED or LOAD_FAILED
 * @param loads model loads (switches), the first load of an empty worker included
 * @param completedSinceLoad jobs done since the last load
 */
public record WorkerSnapshot(int id, String model, WorkerState state, Long jobId,
                             long completed, long failed, long loads, long completedSinceLoad) {
}
