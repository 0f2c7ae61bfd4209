package io.smartlb.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** One worker, so that the order of jobs is the strategy's alone. */
public final class OneWorkerProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("balancer.workers", "1");
    }
}
