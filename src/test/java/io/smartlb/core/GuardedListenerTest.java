package io.smartlb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class GuardedListenerTest {

    private final List<String> heard = new ArrayList<>();
    private final JobHandle<String, String> job = new JobHandle<>("m1", 0, "data");

    private final JobListener recording = new JobListener() {
        @Override
        public void started(JobHandle<?, ?> j) {
            heard.add("started");
        }

        @Override
        public void finished(JobHandle<?, ?> j) {
            heard.add("finished");
        }
    };

    @Test
    void aStartToldAfterTheEnd_isNotTold() {
        // a shutdown ended the job as its worker started it, and its thread got to the listener first
        GuardedListener guarded = new GuardedListener(recording);

        guarded.finished(job);
        guarded.started(job);

        assertThat(heard).containsExactly("finished");
    }

    @Test
    void aStartToldBeforeTheEnd_isTold() {
        GuardedListener guarded = new GuardedListener(recording);

        guarded.started(job);
        guarded.finished(job);

        assertThat(heard).containsExactly("started", "finished");
    }

    @Test
    void anEndComingWhileTheStartIsTold_isToldAfterIt_byTheThreadTellingTheStart() {
        GuardedListener[] guarded = new GuardedListener[1];
        guarded[0] = new GuardedListener(new JobListener() {
            @Override
            public void started(JobHandle<?, ?> j) {
                guarded[0].finished(j);  // a shutdown ends the job now: it must not be told first
                heard.add("started");
            }

            @Override
            public void finished(JobHandle<?, ?> j) {
                heard.add("finished");
            }
        });

        guarded[0].started(job);
        guarded[0].finished(job);  // told once only

        assertThat(heard).containsExactly("started", "finished");
    }

    @Test
    void anErrorTheListenerThrows_goesNoFurther_butAVirtualMachineErrorDoes() {
        GuardedListener guarded = new GuardedListener(new JobListener() {
            @Override
            public void started(JobHandle<?, ?> j) {
                throw new AssertionError("a listener's assertion");
            }

            @Override
            public void finished(JobHandle<?, ?> j) {
                throw new StackOverflowError("a listener's");
            }
        });

        guarded.started(job);

        assertThatThrownBy(() -> guarded.finished(job)).isInstanceOf(StackOverflowError.class);
    }
}
