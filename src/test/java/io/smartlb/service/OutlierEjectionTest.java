package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smartlb.backend.ForwardResponse;
import io.smartlb.backend.UpstreamException;
import io.smartlb.core.Task;
import io.smartlb.core.Work;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Outlier ejection: counting each worker's jobs its upstream failed, in a row, on a virtual clock. */
final class OutlierEjectionTest {

    private static final Duration EJECT_TIME = Duration.ofSeconds(30);

    private final AtomicLong clock = new AtomicLong();
    private final OutlierEjection ejection = new OutlierEjection(2, 3, EJECT_TIME, clock::get);
    private final List<Integer> ejected = new ArrayList<>();
    private boolean anotherInService = true;
    private final Work<JsonNode, JsonNode> watched = ejection.watch(this::answer, worker -> {
        ejected.add(worker);
        return anotherInService;
    });

    // the job's data says what the upstream answers: a status, or "forward 503"
    private JsonNode answer(Task<JsonNode> task) throws UpstreamException {
        String answer = task.data().asText();
        if (answer.startsWith("forward ")) {
            return ForwardJobs.wrap(new ForwardResponse(Integer.parseInt(answer.substring(8)), "text/plain", Map.of(), new byte[0]));
        }
        int status = Integer.parseInt(answer);
        if (status != 200) {
            throw new UpstreamException("upstream answered " + status, status);
        }
        return task.data();
    }

    private void run(int worker, String answer) {
        Task<JsonNode> task = new Task<>(worker, 1, "m1", false, JsonNodeFactory.instance.textNode(answer), clock::get);
        try {
            watched.run(task);
        } catch (Exception e) {
            assertThat(e).isInstanceOf(UpstreamException.class);  // passed on unchanged
        }
    }

    @Test
    void failuresInARow_ejectTheWorker_forTheEjectTime() {
        run(0, "503");
        run(0, "500");
        assertThat(ejected).isEmpty();
        run(0, "0");  // no complete answer: broken off, timed out

        assertThat(ejected).containsExactly(0);
        assertThat(ejection.ejections()).isEqualTo(1);
        assertThat(ejection.isEjected(0)).isTrue();
        assertThat(ejection.isEjected(1)).isFalse();
        clock.set(EJECT_TIME.toNanos() - 1);
        assertThat(ejection.isEjected(0)).isTrue();
        clock.set(EJECT_TIME.toNanos());
        assertThat(ejection.isEjected(0)).isFalse();
    }

    @Test
    void anAnswerBelow500_resetsTheCount() {
        run(0, "503");
        run(0, "503");
        run(0, "200");
        run(0, "503");
        run(0, "503");
        run(0, "404");  // the request's fault: the upstream works
        run(0, "503");
        run(0, "503");

        assertThat(ejected).isEmpty();
    }

    @Test
    void eachWorkerCountsItsOwnUpstream() {
        run(0, "503");
        run(1, "503");
        run(0, "503");
        run(1, "503");

        assertThat(ejected).isEmpty();
        run(1, "503");
        assertThat(ejected).containsExactly(1);
    }

    @Test
    void forwardedAnswersOf500OrMore_count() {
        run(0, "forward 502");
        run(0, "forward 503");
        run(0, "forward 200");
        run(0, "forward 500");
        run(0, "forward 504");
        assertThat(ejected).isEmpty();

        run(0, "forward 599");
        assertThat(ejected).containsExactly(0);
    }

    @Test
    void theLastWorkerInService_isNotEjected_andIsAskedAgainAtItsNextFailure() {
        anotherInService = false;
        run(0, "503");
        run(0, "503");
        run(0, "503");

        assertThat(ejected).containsExactly(0);
        assertThat(ejection.ejections()).isZero();
        assertThat(ejection.isEjected(0)).isFalse();  // still in service: its probes may bring it back
        anotherInService = true;
        run(0, "503");
        assertThat(ejected).containsExactly(0, 0);
        assertThat(ejection.isEjected(0)).isTrue();
    }

    @Test
    void limit_mustBePositive() {
        assertThatThrownBy(() -> new OutlierEjection(1, 0, EJECT_TIME, clock::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
