package io.smartlb.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.smartlb.core.JobStatus;
import java.util.EnumMap;
import java.util.Map;

/**
 * The meters a job updates. Without the model tag they are registered once and shared by every
 * job (a field read per event); with it they are looked up per model in the registry, which
 * returns the meter registered before.
 */
interface JobMeters {

    /** The reason tag of a job refused because the queue was full. */
    String QUEUE_FULL = "queue_full";
    /** The reason tag of a job refused because the service was shutting down. */
    String SHUTTING_DOWN = "shutting_down";
    /** The reason tag of a job refused because its data alone is over the queue's byte limit. */
    String TOO_LARGE = "too_large";

    /** Returns the counter of submitted jobs. */
    Counter submitted(String model);

    /** Returns the counter of jobs that ended with {@code status}. */
    Counter finished(JobStatus status, String model);

    /** Returns the counter of jobs refused for {@code reason} ({@link #QUEUE_FULL}, {@link #SHUTTING_DOWN} or {@link #TOO_LARGE}). */
    Counter refused(String reason, String model);

    /** Returns the counter of jobs queued again after a try their worker did not take. */
    Counter requeued(String model);

    /** Returns the timer of queue waits. */
    Timer waitTime(String model);

    /** Returns the timer of processing times. */
    Timer processingTime(String model);

    /** Returns the counter of model loads on {@code worker}. */
    Counter loads(int worker, String model);

    /** Returns the timer of model loads. */
    Timer loadTime(String model);

    /** Returns meters without a model tag, registered now for {@code workers} workers so they export zeros. */
    static JobMeters shared(BalancerMeters meters, int workers) {
        return new Shared(meters, workers);
    }

    /** Returns meters tagged with the job's model. */
    static JobMeters perModel(BalancerMeters meters) {
        return new PerModel(meters);
    }

    /** One set of meters for all jobs. */
    final class Shared implements JobMeters {
        private final BalancerMeters meters;
        private final Counter submitted;
        private final Map<JobStatus, Counter> finished = new EnumMap<>(JobStatus.class);
        private final Counter queueFull;
        private final Counter shuttingDown;
        private final Counter tooLarge;
        private final Counter requeued;
        private final Timer waitTime;
        private final Timer processingTime;
        private final Counter[] loads;
        private final Timer loadTime;

        Shared(BalancerMeters meters, int workers) {
            this.meters = meters;
            submitted = meters.submitted(Tags.empty());
            for (JobStatus status : JobStatus.values()) {
                if (status.isFinal()) {
                    finished.put(status, meters.finished(status, Tags.empty()));
                }
            }
            queueFull = meters.refused(QUEUE_FULL, Tags.empty());
            shuttingDown = meters.refused(SHUTTING_DOWN, Tags.empty());
            tooLarge = meters.refused(TOO_LARGE, Tags.empty());
            requeued = meters.requeued(Tags.empty());
            waitTime = meters.waitTime(Tags.empty());
            processingTime = meters.processingTime(Tags.empty());
            loads = new Counter[workers];
            for (int i = 0; i < workers; i++) {
                loads[i] = meters.loads(i, Tags.empty());
            }
            loadTime = meters.loadTime(Tags.empty());
        }

        @Override
        public Counter submitted(String model) {
            return submitted;
        }

        @Override
        public Counter finished(JobStatus status, String model) {
            Counter counter = finished.get(status);
            return counter != null ? counter : meters.finished(status, Tags.empty());
        }

        @Override
        public Counter refused(String reason, String model) {
            return switch (reason) {
                case QUEUE_FULL -> queueFull;
                case SHUTTING_DOWN -> shuttingDown;
                default -> tooLarge;
            };
        }

        @Override
        public Counter requeued(String model) {
            return requeued;
        }

        @Override
        public Timer waitTime(String model) {
            return waitTime;
        }

        @Override
        public Timer processingTime(String model) {
            return processingTime;
        }

        @Override
        public Counter loads(int worker, String model) {
            return worker >= 0 && worker < loads.length ? loads[worker] : meters.loads(worker, Tags.empty());
        }

        @Override
        public Timer loadTime(String model) {
            return loadTime;
        }
    }

    /** Meters tagged {@code model=<the job's model>}. */
    final class PerModel implements JobMeters {
        private final BalancerMeters meters;

        PerModel(BalancerMeters meters) {
            this.meters = meters;
        }

        @Override
        public Counter submitted(String model) {
            return meters.submitted(tags(model));
        }

        @Override
        public Counter finished(JobStatus status, String model) {
            return meters.finished(status, tags(model));
        }

        @Override
        public Counter refused(String reason, String model) {
            return meters.refused(reason, tags(model));
        }

        @Override
        public Counter requeued(String model) {
            return meters.requeued(tags(model));
        }

        @Override
        public Timer waitTime(String model) {
            return meters.waitTime(tags(model));
        }

        @Override
        public Timer processingTime(String model) {
            return meters.processingTime(tags(model));
        }

        @Override
        public Counter loads(int worker, String model) {
            return meters.loads(worker, tags(model));
        }

        @Override
        public Timer loadTime(String model) {
            return meters.loadTime(tags(model));
        }

        private static Tags tags(String model) {
            return Tags.of(BalancerMeters.MODEL_TAG, model);
        }
    }
}
