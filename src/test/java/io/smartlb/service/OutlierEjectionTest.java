package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smartlb.backend.ForwardResponse;
import io.smartlb.backend.UpstreamException;
import io.smartlb.core.NotDeliveredException;
import io.smartlb.core.Task;
import io.smartlb.core.Work;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Outlier ejection: each worker's jobs its upstream failed as a gateway, in a row, on a virtual clock. */
final class OutlierEjectionTest {

    private static final Duration EJECT_TIME = Duration.ofSeconds(30);
    private static final int LIMIT = 3;

    private final AtomicLong clock = new AtomicLong();
    private boolean[] down;
    private OutlierEjection ejection;
    private Work<JsonNode, JsonNode> watched;

    private void workers(int count) {
        down = new boolean[count];
        ejection = new OutlierEjection(count, LIMIT, EJECT_TIME, clock::get, new Object(), w -> down[w], w -> down[w] = true);
        watched = ejection.watch(OutlierEjectionTest::answer);
    }

    // the job's data says what the upstream answers: a status, "cut 200" (broken off after a 200
    // head), "forward 503", "reset" (the connection broke before any answer) or "refused"
    private static JsonNode answer(Task<JsonNode> task) throws UpstreamException, NotDeliveredException {
        String answer = task.data().asText();
        if (answer.equals("reset")) {
            throw new NotDeliveredException("upstream closed the connection", null);
        }
        if (answer.equals("refused")) {
            throw NotDeliveredException.refused("upstream refused the connection", null);
        }
        if (answer.startsWith("forward ")) {
            return ForwardJobs.wrap(new ForwardResponse(Integer.parseInt(answer.substring(8)), "text/plain", Map.of(), new byte[0]));
        }
        if (answer.startsWith("cut ")) {
            throw UpstreamException.incomplete("upstream broke off its answer", Integer.parseInt(answer.substring(4)));
        }
        int status = Integer.parseInt(answer);
        if (status != 200) {
            throw new UpstreamException("upstream answered " + status, status);
        }
        return task.data();
    }

    private void run(int worker, String... answers) {
        for (String answer : answers) {
            Task<JsonNode> task = new Task<>(worker, 1, "m1", false, JsonNodeFactory.instance.textNode(answer), clock::get);
            try {
                watched.run(task);
            } catch (Exception e) {
                assertThat(e).isInstanceOfAny(UpstreamException.class, NotDeliveredException.class);  // passed on unchanged
            }
        }
    }

    @Test
    void gatewayFailuresInARow_ejectTheWorker_forTheEjectTime() {
        workers(2);
        run(0, "503", "502");
        assertThat(down[0]).isFalse();
        run(0, "504");

        assertThat(down[0]).isTrue();
        assertThat(ejection.ejections()).isEqualTo(1);
        assertThat(ejection.keepsOut(0)).isTrue();
        assertThat(ejection.keepsOut(1)).isFalse();
        clock.set(EJECT_TIME.toNanos() - 1);
        assertThat(ejection.keepsOut(0)).isTrue();
        clock.set(EJECT_TIME.toNanos());
        assertThat(ejection.keepsOut(0)).isFalse();
    }

    @Test
    void answersBrokenOffOrTimedOut_countEvenAfterA200Head() {
        workers(2);
        run(0, "cut 200", "cut 0", "cut 503");

        assertThat(down[0]).isTrue();
    }

    @Test
    void connectionsBrokenBeforeAnyAnswer_count_refusedOnesDoNot() {
        workers(2);
        run(0, "refused", "refused", "refused", "refused");
        assertThat(down[0]).isFalse();

        run(0, "reset", "reset", "reset");  // each was sent again elsewhere, and may have run twice
        assertThat(down[0]).isTrue();
    }

    @Test
    void anEjectedWorker_comesBackEarly_onceNoOtherIsInService() {
        workers(2);
        run(0, "503", "503", "503");
        assertThat(ejection.keepsOut(0)).isTrue();

        down[1] = true;  // the last one in service failed its probe
        assertThat(ejection.keepsOut(0)).isFalse();
        down[1] = false;
        assertThat(ejection.keepsOut(0)).isFalse();  // that ejection has ended
    }

    @Test
    void anyOtherAnswer_resetsTheCount_a500Included() {
        workers(2);
        run(0, "503", "503", "200", "503", "503", "404", "503", "503", "500", "503", "503");

        assertThat(down[0]).isFalse();
        assertThat(ejection.ejections()).isZero();
    }

    @Test
    void eachWorkerCountsItsOwnUpstream() {
        workers(2);
        run(0, "503");
        run(1, "503");
        run(0, "503");
        run(1, "503");
        assertThat(down).containsExactly(false, false);

        run(1, "503");
        assertThat(down).containsExactly(false, true);
    }

    @Test
    void forwardedGatewayAnswers_count() {
        workers(2);
        run(0, "forward 502", "forward 503", "forward 500", "forward 504", "forward 200", "forward 502", "forward 504");
        assertThat(down[0]).isFalse();

        run(0, "forward 503");
        assertThat(down[0]).isTrue();
    }

    @Test
    void theLastWorkerInService_isNotEjected_andIsAskedAgainAtItsNextFailure() {
        workers(2);
        down[1] = true;  // its probe failed
        run(0, "503", "503", "503");

        assertThat(down[0]).isFalse();
        assertThat(ejection.keepsOut(0)).isFalse();
        down[1] = false;
        run(0, "503");
        assertThat(down[0]).isTrue();
    }

    @Test
    void atMostAQuarterOfTheWorkers_areOutByEjectionAtOnce() {
        workers(8);
        for (int worker = 0; worker < 3; worker++) {
            run(worker, "503", "503", "503");
        }

        assertThat(down).containsExactly(true, true, false, false, false, false, false, false);
        down[0] = false;
        ejection.backInService(0, true);  // a probe brought it back after its ejection time
        run(2, "503");
        assertThat(down[2]).isTrue();
    }

    @Test
    void ejectionsInARow_lastLonger_untilAJobEndsWell() {
        workers(2);
        run(0, "503", "503", "503");
        down[0] = false;  // back: a probe passed after the eject time
        clock.set(EJECT_TIME.toNanos());
        ejection.backInService(0, true);
        run(0, "503", "503", "503");
        assertThat(ejection.keepsOut(0)).isTrue();
        clock.set(3 * EJECT_TIME.toNanos() - 1);  // the second lasts twice the eject time
        assertThat(ejection.keepsOut(0)).isTrue();

        clock.set(3 * EJECT_TIME.toNanos());
        down[0] = false;
        ejection.backInService(0, true);
        run(0, "200", "503", "503", "503");  // a job that ended well: the next is a first again
        clock.set(4 * EJECT_TIME.toNanos());
        assertThat(ejection.keepsOut(0)).isFalse();
    }

    @Test
    void aWorkerBackInService_startsFromNoFailures() {
        workers(2);
        run(0, "503", "503");
        ejection.backInService(0, true);  // after a failed probe: its upstream may have restarted
        run(0, "503", "503");

        assertThat(down[0]).isFalse();
    }

    @Test
    void aWorkerBackAfterAJobsFailedConnection_keepsItsCount_soClosesAloneReachTheLimit() {
        workers(2);
        run(0, "reset");
        ejection.backInService(0, false);  // the failed connection took it out; its next probe brought it back
        run(0, "reset");
        ejection.backInService(0, false);
        run(0, "reset");

        assertThat(down[0]).isTrue();
    }

    @Test
    void anEjectedWorkerNotBackYet_countsAgainstTheQuarter_afterItsEjectionTime() {
        workers(4);
        run(0, "503", "503", "503");
        clock.set(EJECT_TIME.toNanos());  // over, but no probe has brought it back yet
        run(1, "503", "503", "503");
        assertThat(down).containsExactly(true, false, false, false);

        down[0] = false;
        ejection.backInService(0, true);
        run(1, "503");
        assertThat(down).containsExactly(false, true, false, false);
    }

    @Test
    void anEjectedWorkerWhoseProbesFail_afterItsEjectionTime_freesItsPlace() {
        workers(4);
        run(0, "503", "503", "503");
        ejection.probeFailed(0);  // within its ejection time: still out by ejection
        run(1, "503", "503", "503");
        assertThat(down).containsExactly(true, false, false, false);

        clock.set(EJECT_TIME.toNanos());
        ejection.probeFailed(0);  // its upstream died: out because of its probes now
        run(1, "503");
        assertThat(down).containsExactly(true, true, false, false);
        assertThat(ejection.backInService(0, true)).isFalse();  // logged as back after a failed probe
        assertThat(ejection.backInService(1, false)).isTrue();  // back after its ejection
    }

    @Test
    void limit_mustBePositive() {
        assertThatThrownBy(() -> new OutlierEjection(1, 0, EJECT_TIME, clock::get, new Object(), w -> false, w -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
