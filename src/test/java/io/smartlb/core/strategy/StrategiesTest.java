package io.smartlb.core.strategy;

import static io.smartlb.core.strategy.Queue.idle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartlb.core.Decision;
import io.smartlb.core.Job;
import io.smartlb.core.WaitingJobs;
import io.smartlb.core.WorkerView;
import io.smartlb.core.Workers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The seed strategies' rules on hand-built views; times in seconds. */
final class StrategiesTest {

    private static final long S = Queue.S;

    private final Queue queue = new Queue();
    private final WaitingJobs<Void> waiting = queue.waiting;
    @Test
    void fifo_takesOldestWhateverTheWorkerHolds() {
        Job<Void> oldest = queue.job("m2", 0);
        queue.job("m1", 1);
        WorkerView self = idle(0, "m1");
        Decision d = new Fifo().next(self, waiting, queue.workers(self), 100 * S);
        assertThat(d.job()).isEqualTo(oldest);
        assertThat(d.reason()).startsWith("switched m1 -> m2");
    }

    @Test
    void affinity_keepsOwnModelUnlessOtherHeadIsOlderByMoreThanThePenalty() {
        queue.job("m2", 0);
        Job<Void> own = queue.job("m1", 9);
        WorkerView self = idle(0, "m1");
        // m1 scores 9 s; m2 scores 0 + 10 s = 10 s
        Decision d = new Affinity().next(self, waiting, queue.workers(self), 20 * S);
        assertThat(d.job()).isEqualTo(own);
        assertThat(d.reason()).isEqualTo("kept m1: 1 waiting, head waited 11.0 s");
    }

    @Test
    void affinity_switchesWhenOtherHeadIsOlderByMoreThanThePenalty() {
        Job<Void> other = queue.job("m2", 0);
        queue.job("m1", 11);
        WorkerView self = idle(0, "m1");
        // m1 scores 11 s; m2 scores 0 + 10 s = 10 s
        assertThat(new Affinity().next(self, waiting, queue.workers(self), 20 * S).job()).isEqualTo(other);
    }

    @Test
    void affinity_longestPenalties_doNotWrapAroundTheClock() {
        long late = 4_000_000_000L;  // seconds: a clock reading far from zero, as System.nanoTime may give
        queue.job("m2", late);
        Job<Void> own = queue.job("m1", late + 1);
        WorkerView self = idle(0, "m1");
        Duration longest = Duration.ofNanos(Long.MAX_VALUE);
        // a clock reading plus 106751 days wraps past a long: compared by differences, m1 still wins
        Affinity longestSwitch = new Affinity(longest, Duration.ZERO);
        assertThat(longestSwitch.next(self, waiting, queue.workers(self), (late + 2) * S).job()).isEqualTo(own);
        Affinity longestBoth = new Affinity(longest, longest);
        WorkerView other = idle(1, "m2");
        assertThat(longestBoth.next(self, waiting, queue.workers(self, other), (late + 2) * S).job()).isEqualTo(own);
    }

    @Test
    void affinity_longestPenalties_keepTheSharedPenaltyApart() {
        long late = 4_000_000_000L;  // seconds, as above
        queue.job("m2", late);
        Job<Void> unheld = queue.job("m3", late + 5);
        WorkerView self = idle(0, null);
        WorkerView other = idle(1, "m2");
        Duration longest = Duration.ofNanos(Long.MAX_VALUE);
        // m2 is 5 s older but held elsewhere: it scores the shared penalty more than m3, however long both are
        Affinity longestBoth = new Affinity(longest, longest);
        assertThat(longestBoth.next(self, waiting, queue.workers(self, other), (late + 10) * S).job()).isEqualTo(unheld);
        // 106751 d + 1 d does not fit a long; m3 is 86,100 s younger, so 300 s better
        queue.job("m4", late + 86_100);
        Affinity longestSwitch = new Affinity(Duration.ofDays(106_751), Duration.ofDays(1));
        WorkerView m3Holder = idle(2, "m3");
        assertThat(longestSwitch.next(self, waiting, queue.workers(self, other, m3Holder), (late + 90_000) * S).job().model())
                .isEqualTo("m4");
    }

    @Test
    void affinity_addsSharedPenaltyForModelAnotherWorkerHolds() {
        Job<Void> held = queue.job("m2", 0);
        Job<Void> free = queue.job("m3", 1);
        WorkerView self = idle(0, null);
        WorkerView other = idle(1, "m2");
        // m2 scores 0 + 10 + 1 = 11 s; m3 scores 1 + 10 = 11 s: a tie, the earlier submission (m2) wins
        assertThat(new Affinity().next(self, waiting, queue.workers(self, other), 20 * S).job()).isEqualTo(held);
        // with 2 s of shared penalty m3 wins
        Affinity strict = new Affinity(Duration.ofSeconds(10), Duration.ofSeconds(2));
        assertThat(strict.next(self, waiting, queue.workers(self, other), 20 * S).job()).isEqualTo(free);
    }

    @Test
    void affinity_findsOldestUnheldModelBehindHeldOnes() {
        queue.job("m2", 0);
        queue.job("m3", 1);
        Job<Void> unheld = queue.job("m4", 2);
        WorkerView self = idle(0, null);
        Workers all = queue.workers(self, idle(1, "m2"), idle(2, "m3"));
        // shared penalty 5 s: m2 scores 0+15, m3 1+15, m4 (held by none, behind two held heads) 2+10
        Affinity strict = new Affinity(Duration.ofSeconds(10), Duration.ofSeconds(5));
        assertThat(strict.next(self, waiting, all, 20 * S).job()).isEqualTo(unheld);
    }

    @Test
    void exclusiveAffinity_neverTakesModelAnotherWorkerHolds() {
        queue.job("m2", 0);
        WorkerView self = idle(0, null);
        Decision d = new ExclusiveAffinity().next(self, waiting, queue.workers(self, idle(1, "m2")), 20 * S);
        assertThat(d.isIdle()).isTrue();
        assertThat(d.reason()).contains("held by another worker");
    }

    @Test
    void exclusiveAffinity_takesOwnModelEvenIfAnotherWorkerHoldsItToo() {
        Job<Void> own = queue.job("m2", 0);
        WorkerView self = idle(0, "m2");
        assertThat(new ExclusiveAffinity().next(self, waiting, queue.workers(self, idle(1, "m2")), S).job())
                .isEqualTo(own);
    }

    @Test
    void exclusiveAffinity_switchesToUnheldModelWhenItsHeadIsOldEnough() {
        Job<Void> unheld = queue.job("m3", 0);
        queue.job("m1", 11);
        WorkerView self = idle(0, "m1");
        assertThat(new ExclusiveAffinity().next(self, waiting, queue.workers(self, idle(1, "m2")), 20 * S).job())
                .isEqualTo(unheld);
    }

    @Test
    void catalog_unknownName_failsNamingTheKnownOnes() {
        assertThatThrownBy(() -> StrategyCatalog.create("x", StrategyCatalog.Settings.defaults()))
                .hasMessage("strategy 'x' not found; known: fifo, affinity, exclusive-affinity, adaptive");
    }

    @Test
    void catalog_passesSettingsToTheStrategy() {
        StrategyCatalog.Settings settings = (strategy, key, def) ->
                key.equals("switch-penalty") ? Duration.ofSeconds(30) : def;
        assertThat(StrategyCatalog.create("affinity", settings).toString())
                .isEqualTo("affinity(switch-penalty=30s, shared-model-penalty=1s)");
    }

    @Test
    void catalog_adaptiveShowsEverySetting_soTheStartupLineConfirmsThem() {
        StrategyCatalog.Settings settings = (strategy, key, def) ->
                key.equals("default-load-time") ? Duration.ofSeconds(20) : def;
        assertThat(StrategyCatalog.create("adaptive", settings).toString())
                .isEqualTo("adaptive(max-wait=5m, default-load-time=20s, default-process-time=100ms)");
    }

    @Test
    void affinity_negativePenalty_isRejected() {
        assertThatThrownBy(() -> new Affinity(Duration.ofSeconds(-1), Duration.ZERO))
                .hasMessageContaining("switch-penalty must be >= 0");
    }
}
