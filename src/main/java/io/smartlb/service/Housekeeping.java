package io.smartlb.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Runs the service's periodic chores: expiry past max-wait, forgetting past retention. */
@ApplicationScoped
class Housekeeping {

    @Inject
    BalancerService service;

    @Scheduled(every = "${balancer.housekeeping-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        service.housekeep();
    }
}
