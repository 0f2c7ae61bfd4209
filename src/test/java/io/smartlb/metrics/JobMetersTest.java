package io.smartlb.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartlb.core.JobStatus;
import org.junit.jupiter.api.Test;

final class JobMetersTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final BalancerMeters meters = new BalancerMeters(registry);

    @Test
    void shared_registersEveryMeterAtOnce() {
        JobMeters.shared(meters, 2);

        assertThat(registry.find("balancer.jobs.submitted").counter()).isNotNull();
        assertThat(registry.find("balancer.jobs.finished").counters()).hasSize(4);
        assertThat(registry.find("balancer.jobs.finished").tag("outcome", "expired").counter()).isNotNull();
        assertThat(registry.find("balancer.model.loads").tag("worker", "1").counter()).isNotNull();
        assertThat(registry.find("balancer.job.wait").timer()).isNotNull();
        assertThat(registry.find("balancer.job.processing").timer()).isNotNull();
        assertThat(registry.find("balancer.model.load").timer()).isNotNull();
    }

    @Test
    void shared_ignoresTheModel() {
        JobMeters shared = JobMeters.shared(meters, 1);

        assertThat(shared.submitted("m1")).isSameAs(shared.submitted("m2"));
        assertThat(shared.finished(JobStatus.DONE, "m1")).isSameAs(shared.finished(JobStatus.DONE, "m2"));
        assertThat(shared.submitted("m1").getId().getTag("model")).isNull();
    }

    @Test
    void shared_workerBeyondTheCount_stillGetsACounter() {
        JobMeters shared = JobMeters.shared(meters, 1);

        shared.loads(3, "m1").increment();

        assertThat(registry.find("balancer.model.loads").tag("worker", "3").counter().count()).isEqualTo(1);
    }

    @Test
    void perModel_tagsTheModelAndReusesItsMeters() {
        JobMeters perModel = JobMeters.perModel(meters);

        perModel.finished(JobStatus.FAILED, "m1").increment();
        perModel.finished(JobStatus.FAILED, "m1").increment();
        perModel.finished(JobStatus.FAILED, "m2").increment();

        assertThat(registry.find("balancer.jobs.finished").tags("model", "m1", "outcome", "failed").counter().count())
                .isEqualTo(2);
        assertThat(registry.find("balancer.jobs.finished").tags("model", "m2", "outcome", "failed").counter().count())
                .isEqualTo(1);
        assertThat(perModel.waitTime("m1")).isSameAs(perModel.waitTime("m1"));
    }
}
