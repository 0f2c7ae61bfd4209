package io.smartlb.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;

/**
 * Runs the service's periodic chores: expiry, forgetting past retention, probing workers. They
 * wait for startup to complete: a service that failed to start (a bad setting) is not created
 * again, with its error logged, every second until the application has stopped.
 */
@ApplicationScoped
class Housekeeping {

    @Inject
    BalancerService service;

    private volatile boolean started;

    // after the @Startup beans, the service among them (they start at the default priority)
    void onStart(@Observes @Priority(ObserverMethod.DEFAULT_PRIORITY + 1) StartupEvent event) {
        started = true;
    }

    @Scheduled(every = "${balancer.housekeeping-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (started) {
            service.housekeep();
        }
    }

    @Scheduled(every = "${balancer.http.health-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        if (started) {
            service.probeWorkers();
        }
    }
}
