package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlb.core.JobStatus;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class FinishedJobsTest {

    private static FinishedJob job(long id) {
        return new FinishedJob(id, "m1", 0, JobStatus.DONE, 0, false, id, id, id, null, "kept m1", "{}", null);
    }

    private static int weight(long id) {
        return (int) Math.floorMod(id, 7L);
    }

    @Test
    void removeOldest_returnsJobsInTheOrderAdded() {
        FinishedJobs jobs = new FinishedJobs();
        jobs.add(job(7), 1);
        jobs.add(job(3), 1);
        jobs.add(job(5), 1);

        assertThat(jobs.oldest().id()).isEqualTo(7);
        assertThat(jobs.removeOldest().id()).isEqualTo(7);
        assertThat(jobs.removeOldest().id()).isEqualTo(3);
        assertThat(jobs.find(7)).isNull();
        assertThat(jobs.find(5).id()).isEqualTo(5);
        assertThat(jobs.removeOldest().id()).isEqualTo(5);
        assertThat(jobs.removeOldest()).isNull();
        assertThat(jobs.oldest()).isNull();
        assertThat(jobs.size()).isZero();
        assertThat(jobs.bytes()).isZero();
    }

    @Test
    void add_beyondTheInitialCapacity_growsAndFindsEveryJob() {
        FinishedJobs jobs = new FinishedJobs();
        jobs.add(job(-1), 1);  // ids need not be positive
        for (long id = 1; id <= 1000; id++) {
            jobs.add(job(id), 1);
        }

        assertThat(jobs.size()).isEqualTo(1001);
        assertThat(jobs.find(-1).id()).isEqualTo(-1);
        for (long id = 1; id <= 1000; id++) {
            assertThat(jobs.find(id).id()).isEqualTo(id);
        }
        assertThat(jobs.find(1001)).isNull();
        assertThat(jobs.oldest().id()).isEqualTo(-1);
    }

    @Test
    void operations_matchAQueueAndAMap_overRandomAddsAndRemovals() {
        // ids as the registry sees them: mostly increasing, some jobs ending late; sizes that wrap the
        // ring and the index many times, so that removals shift probe runs across the table's end
        FinishedJobs jobs = new FinishedJobs();
        ArrayDeque<Long> order = new ArrayDeque<>();
        Map<Long, Long> known = new HashMap<>();
        Random random = new Random(42);
        long next = 0;
        for (int step = 0; step < 20_000; step++) {
            boolean add = order.isEmpty() || random.nextInt(100) < (order.size() < 300 ? 60 : 40);
            if (add) {
                long id = random.nextInt(10) == 0 ? next + 50 + random.nextInt(1000) : next++;
                if (known.containsKey(id)) {
                    continue;
                }
                jobs.add(job(id), weight(id));
                order.addLast(id);
                known.put(id, id);
            } else {
                long expected = order.removeFirst();
                assertThat(jobs.removeOldest().id()).isEqualTo(expected);
                known.remove(expected);
            }
            long probe = random.nextInt((int) next + 2000);
            FinishedJob found = jobs.find(probe);
            assertThat(found == null ? null : found.id()).as("find(%d) at step %d", probe, step).isEqualTo(known.get(probe));
            assertThat(jobs.size()).isEqualTo(order.size());
            assertThat(jobs.bytes()).isEqualTo(order.stream().mapToLong(FinishedJobsTest::weight).sum());
        }
    }
}
