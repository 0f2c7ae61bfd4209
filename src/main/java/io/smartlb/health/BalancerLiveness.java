package io.smartlb.health;

import io.smartlb.service.BalancerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness check {@code balancer-workers}: DOWN once a worker loop has died, because the service
 * cannot bring a loop back itself and a restart restores its capacity.
 */
@Liveness
@ApplicationScoped
public class BalancerLiveness implements HealthCheck {

    static final String NAME = "balancer-workers";

    @Inject
    BalancerService service;

    /** Returns DOWN when a worker loop has died, with the number of dead loops. */
    @Override
    public HealthCheckResponse call() {
        return response(service.deadWorkerLoops());
    }

    static HealthCheckResponse response(int deadWorkerLoops) {
        return HealthCheckResponse.named(NAME)
                .status(deadWorkerLoops == 0)
                .withData("deadWorkerLoops", deadWorkerLoops)
                .build();
    }
}
