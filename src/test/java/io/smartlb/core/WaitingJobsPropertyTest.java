package io.smartlb.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Random adds, removes, holds, releases, expiries and clears against a plain list of jobs and a
 * map of holders: after every step, every answer of the index equals the one computed by brute
 * force. Seeded, so a failure names the seed that reproduces it.
 */
final class WaitingJobsPropertyTest {

    private static final long S = 1_000_000_000L;
    private static final int RUNS = 300;
    private static final int STEPS = 400;

    @Test
    void everyAnswer_equalsBruteForce_afterEveryRandomStep() {
        for (int seed = 0; seed < RUNS; seed++) {
            run(seed);
        }
    }

    private static void run(int seed) {
        Random random = new Random(seed);
        int models = 1 + random.nextInt(12);
        WaitingJobs<Void> waiting = new WaitingJobs<>();
        List<Job<Void>> jobs = new ArrayList<>();
        Map<String, Integer> holders = new HashMap<>();
        Map<String, Integer> arrivedSinceEmpty = new HashMap<>();
        long id = 1;
        for (int step = 0; step < STEPS; step++) {
            String model = "m" + random.nextInt(models);
            int op = random.nextInt(100);
            if (op < 45) {
                // ties in time on purpose; a few with a head start
                double priority = random.nextInt(10) == 0 ? random.nextInt(5) : 0;
                Job<Void> job = Job.of(id, model, priority, (id / 3) * S, null);
                id++;
                if (jobs.stream().noneMatch(j -> j.model().equals(model))) {
                    arrivedSinceEmpty.put(model, 0);
                }
                arrivedSinceEmpty.merge(model, 1, Integer::sum);
                waiting.add(job);
                jobs.add(job);
            } else if (op < 70 && !jobs.isEmpty()) {
                Job<Void> job = jobs.remove(random.nextInt(jobs.size()));
                assertThat(waiting.remove(job)).as("seed %d step %d", seed, step).isTrue();
                assertThat(waiting.remove(job)).isFalse();
            } else if (op < 84) {
                waiting.hold(model);
                holders.merge(model, 1, Integer::sum);
            } else if (op < 97) {
                if (holders.containsKey(model)) {
                    waiting.release(model);
                    holders.computeIfPresent(model, (m, n) -> n == 1 ? null : n - 1);
                }
            } else if (op < 99) {
                long cutoff = (id / 3 - random.nextInt(10)) * S;
                List<Job<Void>> expected = jobs.stream().filter(j -> j.submittedNanos() < cutoff).toList();
                assertThat(waiting.removeSubmittedBefore(cutoff)).containsExactlyElementsOf(expected);
                jobs.removeAll(expected);
            } else {
                assertThat(waiting.removeAll()).containsExactlyElementsOf(jobs);
                jobs.clear();
            }
            check(waiting, jobs, holders, arrivedSinceEmpty, "seed " + seed + " step " + step);
        }
    }

    private static void check(WaitingJobs<Void> waiting, List<Job<Void>> jobs, Map<String, Integer> holders,
                              Map<String, Integer> arrivedSinceEmpty, String where) {
        Map<String, List<Job<Void>>> byModel = jobs.stream().collect(Collectors.groupingBy(Job::model));
        List<Job<?>> heads = new ArrayList<>();
        for (List<Job<Void>> ofModel : byModel.values()) {
            heads.add(ofModel.stream().min(Job.BY_EFFECTIVE_TIME).orElseThrow());
        }
        heads.sort(Job.BY_EFFECTIVE_TIME);
        List<Job<?>> unheld = heads.stream().filter(h -> !holders.containsKey(h.model())).toList();
        List<Job<?>> held = heads.stream().filter(h -> holders.containsKey(h.model())).toList();

        assertThat(waiting.size()).as(where).isEqualTo(jobs.size());
        assertThat(waiting.modelCount()).as(where).isEqualTo(byModel.size());
        assertThat(waiting.unheldModelCount()).as(where).isEqualTo(unheld.size());
        assertThat(waiting.oldestHead()).as(where).isEqualTo(heads.isEmpty() ? null : heads.get(0));
        assertThat(waiting.oldestUnheldHead()).as(where).isEqualTo(unheld.isEmpty() ? null : unheld.get(0));
        WaitingModel first = waiting.oldestUnheldModel();
        assertThat(first == null ? null : first.head()).as(where).isEqualTo(unheld.isEmpty() ? null : unheld.get(0));
        if (first != null) {
            assertThat(first.count()).as(where).isEqualTo(byModel.get(first.model()).size());
        }
        assertThat(headsOf(waiting.modelsByAge())).as(where).containsExactlyElementsOf(heads);
        assertThat(headsOf(waiting.unheldModelsByAge())).as(where).containsExactlyElementsOf(unheld);
        assertThat(headsOf(waiting.heldModelsByAge())).as(where).containsExactlyElementsOf(held);
        List<String> tracked = union(byModel.keySet(), holders.keySet());
        assertThat(waiting.trackedModels()).as(where + ": entries for models with neither jobs nor holders")
                .isEqualTo(tracked.size());
        for (String model : tracked) {
            List<Job<Void>> ofModel = byModel.getOrDefault(model, List.of());
            assertThat(waiting.count(model)).as(where).isEqualTo(ofModel.size());
            assertThat(waiting.holders(model)).as(where).isEqualTo(holders.getOrDefault(model, 0));
            assertThat(waiting.head(model)).as(where)
                    .isEqualTo(ofModel.stream().min(Job.BY_EFFECTIVE_TIME).orElse(null));
        }
        for (WaitingModel model : waiting.modelsByAge()) {
            assertThat(model.count()).as(where).isEqualTo(byModel.get(model.model()).size());
            assertThat(model.holders()).as(where).isEqualTo(holders.getOrDefault(model.model(), 0));
            assertThat(model.arrivedSinceEmpty()).as(where).isEqualTo(arrivedSinceEmpty.get(model.model()));
            if (model.arrivedTogether()) {
                // never a stream taken for a batch
                assertThat(byModel.get(model.model())).as(where)
                        .allMatch(job -> job.submittedNanos() == model.head().submittedNanos());
            }
        }
    }

    private static List<Job<?>> headsOf(Iterable<WaitingModel> models) {
        List<Job<?>> heads = new ArrayList<>();
        models.forEach(m -> heads.add(m.head()));
        return heads;
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(m -> !a.contains(m)).forEach(all::add);
        all.sort(Comparator.naturalOrder());
        return all;
    }
}
