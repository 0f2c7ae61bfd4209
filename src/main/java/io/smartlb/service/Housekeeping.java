package io.smartlb.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Runs the service's periodic chores: expiry, forgetting past retention, probing workers. */
@ApplicationScoped
class Housekeeping {

    @Inject
    BalancerService service;

    @Scheduled(every = "${balancer.housekeeping-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        service.housekeep();
    }

    @Scheduled(every = "${balancer.http.health-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        service.probeWorkers();
    }
}
