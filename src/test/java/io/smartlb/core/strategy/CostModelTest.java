package io.smartlb.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.smartlb.core.JobCost;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class CostModelTest {

    private static final long MS = 1_000_000L;

    private final CostModel costs = new CostModel(Duration.ofSeconds(5), Duration.ofMillis(100), 2);

    @Test
    void unseenModel_usesDefaultsThenTheAverageOfSeenModels() {
        assertThat(costs.loadNanos("m1")).isEqualTo(5_000 * MS);
        costs.observe(new JobCost("m1", true, 2_000 * MS, 2_010 * MS));
        assertThat(costs.loadNanos("m1")).isEqualTo(2_000 * MS);
        assertThat(costs.processNanos("m1")).isEqualTo(10 * MS);
        assertThat(costs.loadNanos("m9")).isEqualTo(2_000 * MS);
    }

    @Test
    void loadNotMeasuredApart_isTotalLessTheUsualJobTime() {
        costs.observe(new JobCost("m1", false, 0, 40 * MS));
        costs.observe(new JobCost("m1", true, -1, 1_040 * MS));
        assertThat(costs.loadNanos("m1")).isCloseTo(1_000 * MS, within(1.0));
    }

    @Test
    void samples_areSmoothed() {
        costs.observe(new JobCost("m1", false, 0, 100 * MS));
        costs.observe(new JobCost("m1", false, 0, 200 * MS));
        // 100 + 0.3 * (200 - 100)
        assertThat(costs.processNanos("m1")).isCloseTo(130 * MS, within(1.0));
    }

    @Test
    void models_boundedLeastRecentlyUsedFirst() {
        costs.observe(new JobCost("m1", true, 1_000 * MS, 1_000 * MS));
        costs.observe(new JobCost("m2", true, 2_000 * MS, 2_000 * MS));
        costs.observe(new JobCost("m3", true, 3_000 * MS, 3_000 * MS));
        // m1 is forgotten: it falls back to the running average of all loads
        assertThat(costs.loadNanos("m1")).isNotEqualTo(1_000 * MS);
        assertThat(costs.loadNanos("m3")).isEqualTo(3_000 * MS);
    }

    @Test
    void arrivalRate_isUnknownBeforeTheSecondArrival_thenFollowsRecentGaps() {
        assertThat(costs.arrivalsPerNano("m1", 0)).isZero();
        costs.arrived("m1", 0);
        assertThat(costs.arrivalsPerNano("m1", 0)).isZero();
        costs.arrived("m1", 100 * MS);
        assertThat(costs.arrivalsPerNano("m1", 100 * MS)).isCloseTo(1.0 / (100 * MS), within(1e-15));
        costs.arrived("m1", 300 * MS);
        // gap 100 + 0.125 * (200 - 100) = 112.5 ms
        assertThat(costs.arrivalsPerNano("m1", 300 * MS)).isCloseTo(1.0 / (112.5 * MS), within(1e-15));
    }

    @Test
    void arrivalRate_slowsDownOnceJobsStopComing() {
        costs.arrived("m1", 0);
        costs.arrived("m1", 100 * MS);
        // 1 s since the last arrival counts as the gap: the stream has slowed to at most 1 a second
        assertThat(costs.arrivalsPerNano("m1", 1_100 * MS)).isCloseTo(1.0 / (1_000 * MS), within(1e-15));
    }

    @Test
    void arrivalRate_arrivalsSlightlyOutOfOrder_countAsSimultaneous_andTimeNeverGoesBack() {
        costs.arrived("m1", 0);
        costs.arrived("m1", 100 * MS);
        costs.arrived("m1", 99 * MS);   // its submitter read the clock first, then waited for the lock
        // gap 100 + 0.125 * (0 - 100) = 87.5 ms; the last arrival stays at 100 ms
        assertThat(costs.arrivalsPerNano("m1", 100 * MS)).isCloseTo(1.0 / (87.5 * MS), within(1e-15));
        assertThat(costs.arrivalsPerNano("m1", 200 * MS)).isCloseTo(1.0 / (100 * MS), within(1e-15));
    }

    @Test
    void loadNotMeasuredApart_usesTheJobTimeKnownWhenTheLoadEnds() {
        costs.arrived("m1", 0);                            // the model is first seen at its arrival
        costs.observe(new JobCost("m2", false, 0, 40 * MS));
        costs.observe(new JobCost("m1", true, -1, 1_040 * MS));
        // m1's job time is not known yet: the average job time when the load ended counts, 40 ms
        assertThat(costs.loadNanos("m1")).isCloseTo(1_000 * MS, within(1.0));
    }

    @Test
    void arrivalRate_ofJobsArrivingTogether_isUnbounded() {
        costs.arrived("m1", 5 * MS);
        costs.arrived("m1", 5 * MS);
        assertThat(costs.arrivalsPerNano("m1", 5 * MS)).isInfinite();
    }
}
