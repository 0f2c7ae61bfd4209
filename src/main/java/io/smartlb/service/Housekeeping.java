package io.smartlb.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;

/**
 * Runs the service's periodic chores: expiry, forgetting past retention, probing workers. The
 * scheduler starts halted ({@code quarkus.scheduler.start-mode=halted}) and is resumed once startup
 * has completed: after a failed start (a bad setting) no chore fires while the application stops,
 * so the one line naming the setting is all that is logged.
 */
@ApplicationScoped
class Housekeeping {

    @Inject
    BalancerService service;

    @Inject
    Scheduler scheduler;

    // after the @Startup beans, the service among them (they start at the default priority)
    void onStart(@Observes @Priority(ObserverMethod.DEFAULT_PRIORITY + 1) StartupEvent event) {
        scheduler.resume();
    }

    @Scheduled(every = "${balancer.housekeeping-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        service.housekeep();
    }

    @Scheduled(every = "${balancer.http.health-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        service.probeWorkers();
    }
}
