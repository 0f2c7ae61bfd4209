package io.smartlb.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartlb.core.JobHandle;
import io.smartlb.core.JobStatus;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * A job that has ended, as the service keeps it for readers until the retention forgets it: the
 * fields of its view and nothing live. Immutable.
 *
 * <p>Why not the handle: the service may keep 100,000 ended jobs, and each one outlives a few young
 * collections, which copy it. The live handle graph is about 750 bytes in some 17 objects (result
 * future, scheduling job, a lazy dispatch reason that reaches the handle through that job, the
 * result as a tree). This is two objects: the fields, and one UTF-8 array holding the error, the
 * dispatch reason and the result as JSON text (bench/RESULTS.md, issue 6, has the figures).
 */
public final class FinishedJob implements KnownJob {

    private final long id;
    private final String model;
    private final double priority;
    private final JobStatus status;
    private final int worker;
    private final boolean modelLoaded;
    private final long submittedNanos;
    private final long startedNanos;
    private final long finishedNanos;
    private final String key;
    // error, dispatch and result, in this order, in one array; a length of -1 stands for null
    private final byte[] texts;
    private final int errorLength;
    private final int dispatchLength;
    private final int resultLength;

    /**
     * @param id the job's id
     * @param model the model it needed
     * @param priority seconds of head start
     * @param status its final status
     * @param worker the worker that ran it, or -1
     * @param modelLoaded whether it made its worker load the model
     * @param submittedNanos its submit time, on the service clock
     * @param startedNanos its start time on the service clock, or 0 if it never started
     * @param finishedNanos its end time, on the service clock
     * @param error why it failed, expired or was cancelled, or null
     * @param dispatch the strategy's reason for starting it, or null if it never ran
     * @param resultJson its result as JSON text (for a pass-through job, the summary its view shows), or null
     * @param key its idempotency key, or null
     */
    public FinishedJob(long id, String model, double priority, JobStatus status, int worker, boolean modelLoaded,
                       long submittedNanos, long startedNanos, long finishedNanos, String error, String dispatch,
                       String resultJson, String key) {
        this(id, model, priority, status, worker, modelLoaded, submittedNanos, startedNanos, finishedNanos,
                utf8(error), utf8(dispatch), utf8(resultJson), key);
    }

    private FinishedJob(long id, String model, double priority, JobStatus status, int worker, boolean modelLoaded,
                        long submittedNanos, long startedNanos, long finishedNanos, byte[] error, byte[] dispatch,
                        byte[] result, String key) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(status, "status");
        if (!status.isFinal()) {
            throw new IllegalArgumentException("a finished job has a final status: " + status);
        }
        if (result != null && status != JobStatus.DONE) {
            throw new IllegalArgumentException("only a DONE job has a result: " + status);
        }
        this.id = id;
        this.model = model;
        this.priority = priority;
        this.status = status;
        this.worker = worker;
        this.modelLoaded = modelLoaded;
        this.submittedNanos = submittedNanos;
        this.startedNanos = startedNanos;
        this.finishedNanos = finishedNanos;
        this.key = key;
        this.errorLength = length(error);
        this.dispatchLength = length(dispatch);
        this.resultLength = length(result);
        this.texts = new byte[Math.max(0, errorLength) + Math.max(0, dispatchLength) + Math.max(0, resultLength)];
        int at = put(error, 0);
        at = put(dispatch, at);
        put(result, at);
    }

    /**
     * Returns the record of a job that has ended; {@code encode} writes the result its view shows
     * as UTF-8 JSON (or returns null when it cannot, and the view then shows none).
     *
     * @throws IllegalArgumentException when the job has not ended
     */
    public static FinishedJob of(JobHandle<JsonNode, JsonNode> job, String key, Function<JsonNode, byte[]> encode) {
        // read the status first: the fields that go with it were written before it
        JobStatus status = job.status();
        long started = job.startedNanos();
        boolean ran = ran(status, started);
        byte[] result = null;
        if (status == JobStatus.DONE) {
            JsonNode shown = ForwardJobs.shown(job.resultIfDone());
            result = shown == null ? null : encode.apply(shown);
        }
        return new FinishedJob(job.id(), job.model(), job.priority(), status, ran ? job.worker() : -1,
                ran && job.modelLoaded(), job.submittedNanos(), started, job.finishedNanos(), utf8(job.error()),
                ran ? utf8(job.dispatchReason()) : null, result, key);
    }

    /**
     * Returns whether a job in {@code status}, started at {@code startedNanos} (0 if never), ran on
     * a worker: then its view shows the worker, the start and the dispatch reason.
     */
    public static boolean ran(JobStatus status, long startedNanos) {
        // a job dropped at shutdown fails without having started
        return status == JobStatus.RUNNING || status == JobStatus.DONE || status == JobStatus.FAILED && startedNanos > 0;
    }

    @Override
    public long id() {
        return id;
    }

    /** Returns the model the job needed. */
    public String model() {
        return model;
    }

    /** Returns the priority, in seconds of head start. */
    public double priority() {
        return priority;
    }

    @Override
    public JobStatus status() {
        return status;
    }

    /** Returns the worker that ran the job, or -1 if it never ran. */
    public int worker() {
        return worker;
    }

    /** Returns whether the job made its worker load the model. */
    public boolean modelLoaded() {
        return modelLoaded;
    }

    /** Returns the submit time, on the service clock. */
    public long submittedNanos() {
        return submittedNanos;
    }

    /** Returns the start time on the service clock, or 0 if the job never started. */
    public long startedNanos() {
        return startedNanos;
    }

    /** Returns the end time, on the service clock. */
    public long finishedNanos() {
        return finishedNanos;
    }

    /** Returns why the job failed or expired, or null. */
    public String error() {
        return text(0, errorLength);
    }

    /** Returns the strategy's reason for starting the job, or null if it never ran. */
    public String dispatch() {
        return text(Math.max(0, errorLength), dispatchLength);
    }

    /** Returns the bytes its error, dispatch reason and result take. */
    int textBytes() {
        return texts.length;
    }

    /** Returns the result as JSON text (for a pass-through job, the summary its view shows), or null. */
    public String resultJson() {
        return text(Math.max(0, errorLength) + Math.max(0, dispatchLength), resultLength);
    }

    /** Returns the idempotency key the job was submitted with, or null. */
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return "FinishedJob[" + id + ", " + model + ", " + status + "]";
    }

    private String text(int from, int length) {
        return length < 0 ? null : new String(texts, from, length, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? -1 : bytes.length;
    }

    private int put(byte[] bytes, int at) {
        if (bytes == null) {
            return at;
        }
        System.arraycopy(bytes, 0, texts, at, bytes.length);
        return at + bytes.length;
    }
}
