package io.smartlb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

final class WaitingJobsTest {

    private final WaitingJobs<Void> waiting = new WaitingJobs<>();
    private long nextId = 1;

    private Job<Void> add(String model, long submittedSeconds, double priority) {
        Job<Void> job = Job.of(nextId++, model, priority, submittedSeconds * 1_000_000_000L, null);
        waiting.add(job);
        return job;
    }

    @Test
    void head_isEarliestEffectiveTimeWithinModel() {
        Job<Void> first = add("m1", 0, 0);
        add("m1", 1, 0);
        assertThat(waiting.head("m1")).isEqualTo(first);
        // submitted at 5 s with 10 s head start: ordered as if submitted at -5 s
        Job<Void> urgent = add("m1", 5, 10);
        assertThat(waiting.head("m1")).isEqualTo(urgent);
        assertThat(waiting.count("m1")).isEqualTo(3);
    }

    @Test
    void head_tiesGoToEarlierSubmission() {
        Job<Void> first = add("m1", 3, 0);
        add("m1", 3, 0);
        assertThat(waiting.head("m1")).isEqualTo(first);
    }

    @Test
    void arrivedTogether_trueForABatch_asItsJobsAreServed_falseForAStream() {
        Job<Void> batchHead = add("batch", 4, 0);
        add("batch", 4, 0);
        add("batch", 4, 0);
        add("stream", 4, 0);
        add("stream", 5, 0);

        assertThat(model("batch").arrivedTogether()).isTrue();
        assertThat(model("stream").arrivedTogether()).isFalse();
        waiting.remove(batchHead);
        assertThat(model("batch").arrivedTogether()).isTrue();
    }

    @Test
    void arrivedTogether_aModelEmptiedAndRefilled_isJudgedOnItsNewJobs() {
        Job<Void> old = add("m1", 1, 0);
        waiting.remove(old);
        add("m1", 9, 0);
        add("m1", 9, 0);

        assertThat(model("m1").arrivedTogether()).isTrue();
    }

    @Test
    void arrivedSinceEmpty_countsJobsServedToo_andRestartsWhenTheModelEmpties() {
        waiting.hold("m1");  // a held model keeps its entry while it has no jobs
        Job<Void> first = add("m1", 1, 0);
        assertThat(model("m1").arrivedSinceEmpty()).isEqualTo(1);
        add("m1", 2, 0);
        waiting.remove(first);
        assertThat(model("m1").arrivedSinceEmpty()).isEqualTo(2);  // one waits, two came
        waiting.remove(waiting.head("m1"));
        add("m1", 3, 0);
        assertThat(model("m1").arrivedSinceEmpty()).isEqualTo(1);
    }

    private WaitingModel model(String name) {
        for (WaitingModel m : waiting.modelsByAge()) {
            if (m.model().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no waiting model " + name);
    }

    @Test
    void modelsByAge_ordersModelsByTheirHeads() {
        add("m2", 2, 0);
        add("m1", 3, 0);
        add("m3", 1, 0);
        add("m2", 0, 0);
        List<String> models = new ArrayList<>();
        waiting.modelsByAge().forEach(m -> models.add(m.model()));
        assertThat(models).containsExactly("m2", "m3", "m1");
        assertThat(waiting.oldestHead().model()).isEqualTo("m2");
        assertThat(waiting.modelCount()).isEqualTo(3);
    }

    @Test
    void hold_movesModelsBetweenHeldAndUnheld_keepingAgeOrderOverBoth() {
        add("m1", 0, 0);
        add("m2", 1, 0);
        add("m3", 2, 0);
        add("m4", 3, 0);
        waiting.hold("m1");
        waiting.hold("m3");
        waiting.hold("m3");
        assertThat(models(waiting.heldModelsByAge())).containsExactly("m1", "m3");
        assertThat(models(waiting.unheldModelsByAge())).containsExactly("m2", "m4");
        assertThat(models(waiting.modelsByAge())).containsExactly("m1", "m2", "m3", "m4");
        assertThat(waiting.oldestHead().model()).isEqualTo("m1");
        assertThat(waiting.oldestUnheldHead().model()).isEqualTo("m2");
        assertThat(waiting.holders("m3")).isEqualTo(2);
        waiting.release("m3");
        assertThat(models(waiting.heldModelsByAge())).containsExactly("m1", "m3");
        waiting.release("m3");
        waiting.release("m1");
        assertThat(models(waiting.heldModelsByAge())).isEmpty();
        assertThat(waiting.oldestUnheldHead().model()).isEqualTo("m1");
        assertThat(waiting.holders("m1")).isZero();
    }

    @Test
    void hold_ofAModelWithoutJobs_placesItsFirstJobAmongTheHeld() {
        waiting.hold("m1");
        assertThat(waiting.modelCount()).isZero();
        assertThat(waiting.head("m1")).isNull();
        Job<Void> job = add("m1", 0, 0);
        add("m2", 1, 0);
        assertThat(models(waiting.heldModelsByAge())).containsExactly("m1");
        assertThat(waiting.oldestUnheldHead().model()).isEqualTo("m2");
        // its last job leaves: the model stays held, with no head in either set
        assertThat(waiting.remove(job)).isTrue();
        assertThat(waiting.holders("m1")).isEqualTo(1);
        assertThat(models(waiting.heldModelsByAge())).isEmpty();
        assertThat(waiting.remove(job)).isFalse();
        assertThat(models(waiting.modelsByAge())).containsExactly("m2");
    }

    @Test
    void removeAll_keepsHeldModelsHeld() {
        add("m1", 0, 0);
        waiting.hold("m1");
        assertThat(waiting.removeAll()).hasSize(1);
        assertThat(waiting.holders("m1")).isEqualTo(1);
        add("m1", 5, 0);
        assertThat(models(waiting.heldModelsByAge())).containsExactly("m1");
        assertThat(waiting.oldestUnheldHead()).isNull();
    }

    @Test
    void release_ofAModelNotHeld_fails() {
        add("m1", 0, 0);
        assertThatThrownBy(() -> waiting.release("m1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void modelsByAge_cannotRemoveFromTheIndex() {
        add("m1", 0, 0);
        Iterator<WaitingModel> it = waiting.unheldModelsByAge().iterator();
        it.next();
        assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
        assertThat(waiting.size()).isEqualTo(1);
    }

    private static List<String> models(Iterable<WaitingModel> models) {
        List<String> names = new ArrayList<>();
        models.forEach(m -> names.add(m.model()));
        return names;
    }

    @Test
    void remove_head_promotesNextAndReordersHeads() {
        Job<Void> a = add("m1", 0, 0);
        add("m2", 1, 0);
        Job<Void> c = add("m1", 2, 0);
        assertThat(waiting.remove(a)).isTrue();
        assertThat(waiting.head("m1")).isEqualTo(c);
        assertThat(waiting.oldestHead().model()).isEqualTo("m2");
        assertThat(waiting.remove(a)).isFalse();
        assertThat(waiting.size()).isEqualTo(2);
    }

    @Test
    void oldestHead_followsEveryChangeOfTheFirstModel() {
        Job<Void> a = add("m1", 5, 0);
        Job<Void> b = add("m2", 3, 0);
        assertThat(waiting.oldestHead()).isEqualTo(b);
        Job<Void> c = add("m1", 6, 10);  // a head start makes m1 first again
        assertThat(waiting.oldestHead()).isEqualTo(c);
        waiting.remove(c);
        assertThat(waiting.oldestHead()).isEqualTo(b);
        waiting.remove(b);
        assertThat(waiting.oldestHead()).isEqualTo(a);
        waiting.removeAll();
        assertThat(waiting.oldestHead()).isNull();
    }

    @Test
    void remove_lastJob_forgetsModel() {
        Job<Void> a = add("m1", 0, 0);
        waiting.remove(a);
        assertThat(waiting.head("m1")).isNull();
        assertThat(waiting.modelCount()).isZero();
        assertThat(waiting.oldestHead()).isNull();
    }

    @Test
    void removeSubmittedBefore_takesOldestSubmissionsWhateverTheirPriority() {
        Job<Void> old = add("m1", 0, 0);
        Job<Void> older = add("m2", 1, 0);
        Job<Void> urgent = add("m1", 6, 100);  // first in m1 by priority, but submitted after the cutoff
        assertThat(waiting.removeSubmittedBefore(5_000_000_000L)).containsExactly(old, older);
        assertThat(waiting.head("m1")).isEqualTo(urgent);
        assertThat(waiting.size()).isEqualTo(1);
    }

    @Test
    void removeSubmittedBefore_findsAJobThatWaitsAgain_behindYoungerOnes() {
        Job<Void> first = add("m1", 0, 0);
        Job<Void> later = add("m2", 1, 0);
        waiting.remove(first);                // a worker took it ...
        Job<Void> young = add("m2", 8, 0);
        waiting.addAgain(first);              // ... and could not deliver it: it waits again, as old as before

        assertThat(waiting.head("m1")).isEqualTo(first);
        assertThat(waiting.removeSubmittedBefore(5_000_000_000L)).containsExactly(first, later);
        assertThat(waiting.size()).isEqualTo(1);
        assertThat(waiting.remove(young)).isTrue();
        assertThat(waiting.size()).isZero();
    }

    @Test
    void addAgain_jobAlreadyWaiting_isRefused() {
        Job<Void> job = add("m1", 0, 0);
        assertThatThrownBy(() -> waiting.addAgain(job)).isInstanceOf(IllegalArgumentException.class);
        waiting.remove(job);
        waiting.addAgain(job);
        assertThatThrownBy(() -> waiting.add(job)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backlogs_reportCountAndEarliestSubmission() {
        add("m1", 4, 0);
        add("m1", 9, 100);
        assertThat(waiting.backlogs()).containsExactly(new ModelBacklog("m1", 2, 4_000_000_000L));
    }

    @Test
    void add_sameJobTwice_isRejected() {
        Job<Void> a = add("m1", 0, 0);
        assertThatThrownBy(() -> waiting.add(a)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutExpiry_removeStillTellsWaitingFromNot() {
        WaitingJobs<Void> index = new WaitingJobs<>(false);
        Job<Void> a = Job.of(1, "m1", 0, 0, null);
        Job<Void> b = Job.of(2, "m1", 0, 1, null);
        index.add(a);
        index.add(b);
        assertThat(index.remove(Job.of(3, "m1", 0, 2, null))).isFalse();
        assertThat(index.remove(b)).isTrue();
        assertThat(index.remove(b)).isFalse();
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.removeAll()).containsExactly(a);
        assertThatThrownBy(() -> index.removeSubmittedBefore(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void remove_aLookAlike_sameIdAndTimes_removesNothing_withOrWithoutExpiry() {
        for (boolean expiry : new boolean[] {true, false}) {
            WaitingJobs<String> index = new WaitingJobs<>(expiry);
            Job<String> queued = Job.of(1, "m1", 0, 0, "mine");
            Job<String> headStart = Job.of(2, "m1", 5, MS_1, "mine");   // in the sorted side set
            Job<String> again = Job.of(3, "m1", 0, 2 * MS_1, "mine");
            index.add(queued);
            index.add(headStart);
            index.addAgain(again);                                     // in the wait-again set

            for (Job<String> job : List.of(queued, headStart, again)) {
                Job<String> copy = new Job<>(job.id(), job.model(), job.priority(), job.submittedNanos(),
                        job.effectiveNanos(), "another dispatcher's");
                assertThat(index.remove(copy)).as("%s, expiry %s", job, expiry).isFalse();
            }
            assertThat(index.size()).isEqualTo(3);
            assertThat(index.remove(headStart)).isTrue();
            assertThat(index.remove(again)).isTrue();
            assertThat(index.removeAll()).containsExactly(queued);
        }
    }

    private static final long MS_1 = 1_000_000L;

    @Test
    void job_rejectsNonFinitePriority() {
        assertThatThrownBy(() -> Job.of(1, "m", Double.NaN, 0, null))
                .hasMessageContaining("priority must be finite");
        assertThatThrownBy(() -> Job.of(1, "m", 2e6, 0, null))
                .hasMessageContaining("priority");
    }
}
