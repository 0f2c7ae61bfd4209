package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The service clock's wall-clock conversions, which need no CDI. */
final class ServiceClockTest {

    @Test
    void epochMillis_isTheInstantsMilliseconds_roundedDown() {
        BalancerService service = new BalancerService();
        Random random = new Random(3);
        long[] readings = {0, 1, 999_999, 1_000_000, 1_000_001, service.now(), 86_400_000_000_000L};
        for (long nanos : readings) {
            assertThat(service.epochMillis(nanos)).as("%d ns", nanos).isEqualTo(service.toInstant(nanos).toEpochMilli());
        }
        for (int i = 0; i < 10_000; i++) {
            long nanos = (long) (random.nextDouble() * 1e15);
            assertThat(service.epochMillis(nanos)).as("%d ns", nanos).isEqualTo(service.toInstant(nanos).toEpochMilli());
        }
    }
}
