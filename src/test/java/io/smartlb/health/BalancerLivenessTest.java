package io.smartlb.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

final class BalancerLivenessTest {

    @Test
    void response_noDeadLoop_isUp() {
        HealthCheckResponse response = BalancerLiveness.response(0);

        assertThat(response.getName()).isEqualTo("balancer-workers");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("deadWorkerLoops", 0L);
    }

    @Test
    void response_deadLoop_isDownWithCount() {
        HealthCheckResponse response = BalancerLiveness.response(1);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("deadWorkerLoops", 1L);
    }
}
