package io.smartlb.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code balancer.strategy=fifo} is picked at run time and shows in the loads. */
@QuarkusTest
@TestProfile(FifoStrategyTest.Fifo.class)
class FifoStrategyTest {

    /** One worker, first in first out. */
    public static final class Fifo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("balancer.workers", "1", "balancer.strategy", "fifo");
        }
    }

    @Test
    void fifo_seedExample_loadsSixTimes() {
        // m1 m2 m1 m2 m1 m2 in arrival order: every job switches -> 6 loads (affinity: 2)
        assertThat(SeedExample.loads()).isEqualTo(6);
    }
}
