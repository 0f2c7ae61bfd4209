package io.smartlb.service;

import io.quarkus.runtime.ShutdownEvent;
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
 * so the one line naming the setting is all that is logged. It is paused again as the application
 * stops, once the drain is over: a chore firing while the container goes away logged an ERROR
 * with a stack trace (about one shutdown in 45 under an outside pass).
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

    // after the service's own ShutdownEvent observer, which drains if the first phase did not: the
    // probes are needed until then (an upstream that comes back during the drain serves the queue)
    void onStop(@Observes @Priority(ObserverMethod.DEFAULT_PRIORITY + 1) ShutdownEvent event) {
        scheduler.pause();
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
