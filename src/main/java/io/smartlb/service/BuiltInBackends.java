package io.smartlb.service;

import io.smallrye.common.annotation.Identifier;
import io.smartlb.backend.Backend;
import io.smartlb.backend.SimulatedBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** The built-in backends as CDI beans named by {@code @Identifier}, built from the configuration. */
@Dependent
class BuiltInBackends {

    @Produces
    @ApplicationScoped
    @Identifier(SimulatedBackend.NAME)
    Backend simulated(BalancerConfig config) {
        return new SimulatedBackend(config.simulated().loadTime(), config.simulated().processTime());
    }
}
