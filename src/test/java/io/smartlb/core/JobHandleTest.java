package io.smartlb.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A job's status and the fields that go with it, read from another thread while they change. */
final class JobHandleTest {

    private static final int JOBS = 100_000;

    @Test
    void status_readAsFinal_comesWithItsEndTimeErrorAndResult() throws Exception {
        List<JobHandle<String, String>> jobs = new ArrayList<>(JOBS);
        for (int i = 0; i < JOBS; i++) {
            JobHandle<String, String> job = new JobHandle<>("m1", 0, "data");
            job.bind(Job.of(i, "m1", 0, 1, job));
            jobs.add(job);
        }
        // the reader follows the writer job by job and checks each as soon as it reads it final
        CompletableFuture<List<String>> reader = CompletableFuture.supplyAsync(() -> {
            List<String> torn = new ArrayList<>();
            for (JobHandle<String, String> job : jobs) {
                JobStatus status;
                while (!(status = job.status()).isFinal()) {
                    Thread.onSpinWait();
                }
                boolean whole = job.finishedNanos() != 0
                        && (status == JobStatus.DONE ? "ok".equals(job.resultIfDone()) : job.error() != null);
                if (!whole) {
                    torn.add(job + " finished=" + job.finishedNanos() + " error=" + job.error());
                }
            }
            return torn;
        });
        for (int i = 0; i < JOBS; i++) {
            JobHandle<String, String> job = jobs.get(i);
            if (i % 2 == 0) {
                job.fail(JobStatus.QUEUED, "dropped", null, 42);
            } else {
                job.started(new Assignment<>(0, job.job(), false, () -> "test", 40), 40);
                job.endDone("ok", 42);
                job.publish();
            }
        }

        assertThat(reader.get(30, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void dispatchReason_thatThrowsWhenRead_saysItFailed_insteadOfThrowing() {
        JobHandle<String, String> job = new JobHandle<>("m1", 0, "data");
        job.bind(Job.of(1, "m1", 0, 1, job));
        String gone = null;  // a custom reason that reads state gone by the time it is read
        job.started(new Assignment<>(0, job.job(), false, () -> "took " + gone.length(), 40), 40);

        assertThat(job.dispatchReason()).startsWith("the strategy's reason failed: java.lang.NullPointerException");
    }
}
