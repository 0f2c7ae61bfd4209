package io.smartlb.health;

import io.smartlb.core.WorkerSnapshot;
import io.smartlb.core.WorkerState;
import io.smartlb.service.BalancerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code balancer}: UP while the service takes jobs and at least one worker can run
 * them; DOWN while draining, when every worker is down, or before any worker has passed a health
 * probe (an upstream that hangs at startup is not seen as up), so that Kubernetes routes nothing
 * to it then.
 * Its data names each worker's model ({@code worker-0: "m1"}, {@code "none"}, {@code "down"}),
 * the strategy, and how many jobs are queued.
 */
@Readiness
@ApplicationScoped
public class BalancerReadiness implements HealthCheck {

    static final String NAME = "balancer";

    @Inject
    BalancerService service;

    /** Returns the balancer's readiness, read from a snapshot of the service. */
    @Override
    public HealthCheckResponse call() {
        return response(service.workers(), service.draining(), service.seenUp(), service.strategyName(), service.queued());
    }

    static HealthCheckResponse response(List<WorkerSnapshot> workers, boolean draining, boolean seenUp, String strategy,
                                        int queued) {
        boolean canRun = seenUp && workers.stream().anyMatch(w -> w.state() != WorkerState.DOWN);
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME)
                .status(canRun && !draining)
                .withData("strategy", strategy)
                .withData("queued", queued)
                // says why the check is DOWN when the workers look fine
                .withData("draining", draining)
                .withData("probed", seenUp);
        for (WorkerSnapshot worker : workers) {
            builder.withData("worker-" + worker.id(), describe(worker));
        }
        return builder.build();
    }

    private static String describe(WorkerSnapshot worker) {
        if (worker.state() == WorkerState.DOWN) {
            return "down";
        }
        return worker.model() == null ? "none" : worker.model();
    }
}
