package io.smartlb.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CompletionQueueTest {

    @Test
    void poll_earliestFirst_tiesByWorkerId() {
        CompletionQueue queue = new CompletionQueue(5);
        queue.add(3, 20);
        queue.add(4, 10);
        queue.add(1, 20);
        queue.add(0, 30);
        queue.add(2, 10);

        List<String> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            long time = queue.peekTime();
            order.add(queue.poll() + "@" + time);
        }

        assertThat(order).containsExactly("2@10", "4@10", "1@20", "3@20", "0@30");
    }

    @Test
    void add_afterPoll_reusesTheWorker() {
        CompletionQueue queue = new CompletionQueue(2);
        queue.add(0, 5);
        queue.add(1, 7);

        int first = queue.poll();
        queue.add(first, 9);

        assertThat(queue.poll()).isEqualTo(1);
        assertThat(queue.peekTime()).isEqualTo(9);
        assertThat(queue.poll()).isZero();
        assertThat(queue.isEmpty()).isTrue();
    }
}
