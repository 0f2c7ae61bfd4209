package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Health-probe answers that come back out of order: only the newest counts. */
final class ProbeOrderTest {

    private final ProbeOrder order = new ProbeOrder(2);
    private final List<String> applied = new ArrayList<>();

    private boolean answer(int worker, long probe, String what) {
        return order.applyIfNewest(worker, probe, () -> applied.add(worker + ":" + what));
    }

    @Test
    void applyIfNewest_aStaleFailureAfterANewerPass_isIgnored() {
        long hung = order.send(0);     // sent while the upstream hung
        long later = order.send(0);    // sent after it came back

        assertThat(answer(0, later, "up")).isTrue();
        assertThat(answer(0, hung, "down")).isFalse();  // failed only now: the connection had waited

        assertThat(applied).containsExactly("0:up");
    }

    @Test
    void applyIfNewest_answersInOrder_allApply_andWorkersCountApart() {
        long first = order.send(0);
        long other = order.send(1);
        long second = order.send(0);

        assertThat(answer(0, first, "down")).isTrue();
        assertThat(answer(1, other, "up")).isTrue();
        assertThat(answer(0, second, "up")).isTrue();
        assertThat(answer(0, second, "again")).isFalse();  // one answer per probe

        assertThat(applied).containsExactly("0:down", "1:up", "0:up");
        assertThat(order.workers()).isEqualTo(2);
    }
}
