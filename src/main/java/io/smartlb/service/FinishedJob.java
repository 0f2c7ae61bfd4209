package io.smartlb.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartlb.core.JobHandle;
import io.smartlb.core.JobStatus;
import java.util.Objects;
import java.util.function.Function;

/**
 * A job that has ended, as the service keeps it for readers until the retention forgets it: the
 * fields of its view and nothing live. It holds no result future, no scheduling job and no lazy
 * dispatch reason (which reaches the whole handle through its job), and the result as JSON text
 * rather than a tree: a few hundred bytes where the live handle held about 750 (bench/RESULTS.md,
 * issue 6), so that the finished jobs the service keeps cost the young collections little to copy.
 *
 * @param id the job's id
 * @param model the model it needed
 * @param priority seconds of head start
 * @param status its final status
 * @param worker the worker that ran it, or -1
 * @param modelLoaded whether it made its worker load the model
 * @param submittedNanos its submit time, on the service clock
 * @param startedNanos its start time on the service clock, or 0 if it never started
 * @param finishedNanos its end time, on the service clock
 * @param error why it failed or expired, or null
 * @param dispatch the strategy's reason for starting it, or null if it never ran
 * @param resultJson its result as JSON (for a pass-through job, the summary its view shows), or null
 * @param key its idempotency key, or null
 */
public record FinishedJob(long id, String model, double priority, JobStatus status, int worker, boolean modelLoaded,
                          long submittedNanos, long startedNanos, long finishedNanos, String error, String dispatch,
                          String resultJson, String key) implements KnownJob {

    public FinishedJob {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(status, "status");
        if (!status.isFinal()) {
            throw new IllegalArgumentException("a finished job has a final status: " + status);
        }
        if (resultJson != null && status != JobStatus.DONE) {
            throw new IllegalArgumentException("only a DONE job has a result: " + status);
        }
    }

    /**
     * Returns the record of a job that has ended; {@code encode} turns the result its view shows
     * into JSON text (or null when it cannot).
     *
     * @throws IllegalArgumentException when the job has not ended
     */
    public static FinishedJob of(JobHandle<JsonNode, JsonNode> job, String key, Function<JsonNode, String> encode) {
        // read the status first: fields written before a status change are visible after it
        JobStatus status = job.status();
        long started = job.startedNanos();
        boolean ran = ran(status, started);
        String resultJson = null;
        if (status == JobStatus.DONE) {
            JsonNode shown = ForwardJobs.shown(job.result().getNow(null));
            resultJson = shown == null ? null : encode.apply(shown);
        }
        return new FinishedJob(job.id(), job.model(), job.priority(), status, ran ? job.worker() : -1,
                ran && job.modelLoaded(), job.submittedNanos(), started, job.finishedNanos(), job.error(),
                ran ? job.dispatchReason() : null, resultJson, key);
    }

    /**
     * Returns whether a job in {@code status}, started at {@code startedNanos} (0 if never), ran on
     * a worker: then its view shows the worker, the start and the dispatch reason.
     */
    public static boolean ran(JobStatus status, long startedNanos) {
        // a job dropped at shutdown fails without having started
        return status == JobStatus.RUNNING || status == JobStatus.DONE || status == JobStatus.FAILED && startedNanos > 0;
    }
}
