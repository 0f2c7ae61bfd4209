package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The chores run from startup and stop as the application stops, before its container goes away. */
@QuarkusTest
class HousekeepingTest {

    @Inject
    Housekeeping housekeeping;

    @Inject
    Scheduler scheduler;

    @Test
    void shutdown_pausesTheChores() {
        assertThat(scheduler.isRunning()).isTrue();
        try {
            housekeeping.onStop(new ShutdownEvent());
            assertThat(scheduler.isRunning()).isFalse();
        } finally {
            scheduler.resume();
        }
    }
}
