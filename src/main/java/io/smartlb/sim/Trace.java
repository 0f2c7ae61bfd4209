package io.smartlb.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A workload trace: jobs in arrival order, each with its model, load cost, processing cost and
 * priority. Columns are kept in primitive arrays (one entry per job) so that a million-job trace
 * costs tens of megabytes, not hundreds; models are numbered in order of first appearance.
 *
 * <p>Immutable once built; read one with {@link TraceReader}.
 */
public final class Trace {

    private final String name;
    private final long[] arrivalMs;
    private final int[] modelIndex;
    private final long[] loadMs;
    private final long[] processMs;
    private final double[] priority;
    private final List<String> models;

    private Trace(String name, long[] arrivalMs, int[] modelIndex, long[] loadMs, long[] processMs,
                  double[] priority, List<String> models) {
        this.name = name;
        this.arrivalMs = arrivalMs;
        this.modelIndex = modelIndex;
        this.loadMs = loadMs;
        this.processMs = processMs;
        this.priority = priority;
        this.models = models;
    }

    /** Returns the trace's name, normally its file name. */
    public String name() {
        return name;
    }

    /** Returns the number of jobs. */
    public int size() {
        return arrivalMs.length;
    }

    /** Returns when job {@code i} arrives, in ms from the trace start. */
    public long arrivalMs(int i) {
        return arrivalMs[i];
    }

    /** Returns the model job {@code i} needs. */
    public String model(int i) {
        return models.get(modelIndex[i]);
    }

    /** Returns the number of job {@code i}'s model, from 0, in order of first appearance. */
    public int modelIndex(int i) {
        return modelIndex[i];
    }

    /** Returns what loading job {@code i}'s model costs, in ms. */
    public long loadMs(int i) {
        return loadMs[i];
    }

    /** Returns what job {@code i} costs once its model is loaded, in ms. */
    public long processMs(int i) {
        return processMs[i];
    }

    /** Returns job {@code i}'s priority, in seconds of head start. */
    public double priority(int i) {
        return priority[i];
    }

    /** Returns the distinct models, in order of first appearance. */
    public List<String> models() {
        return models;
    }

    @Override
    public String toString() {
        return "Trace[" + name + ", " + size() + " jobs, " + models.size() + " models]";
    }

    /** Collects rows; the reader validates them before they get here. */
    static final class Builder {
        private final String name;
        private final Map<String, Integer> modelNumbers = new HashMap<>();
        private final List<String> models = new ArrayList<>();
        private long[] arrivalMs = new long[1024];
        private int[] modelIndex = new int[1024];
        private long[] loadMs = new long[1024];
        private long[] processMs = new long[1024];
        private double[] priority = new double[1024];
        private int size;

        Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        int size() {
            return size;
        }

        void add(long arrival, String model, long load, long process, double prio) {
            if (size == arrivalMs.length) {
                grow();
            }
            // one number per model: equal model names share one String and compare by index
            Integer number = modelNumbers.get(model);
            if (number == null) {
                number = models.size();
                modelNumbers.put(model, number);
                models.add(model);
            }
            arrivalMs[size] = arrival;
            modelIndex[size] = number;
            loadMs[size] = load;
            processMs[size] = process;
            priority[size] = prio;
            size++;
        }

        Trace build() {
            return new Trace(name, Arrays.copyOf(arrivalMs, size), Arrays.copyOf(modelIndex, size),
                    Arrays.copyOf(loadMs, size), Arrays.copyOf(processMs, size), Arrays.copyOf(priority, size),
                    List.copyOf(models));
        }

        private void grow() {
            int capacity = Math.addExact(arrivalMs.length, arrivalMs.length >> 1);
            arrivalMs = Arrays.copyOf(arrivalMs, capacity);
            modelIndex = Arrays.copyOf(modelIndex, capacity);
            loadMs = Arrays.copyOf(loadMs, capacity);
            processMs = Arrays.copyOf(processMs, capacity);
            priority = Arrays.copyOf(priority, capacity);
        }
    }
}
