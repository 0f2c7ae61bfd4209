package io.smartlb.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A read-only view of all workers, as a strategy sees them. */
public interface Workers {

    /** Returns the workers, ordered by id. */
    List<WorkerView> all();

    /** Returns how many workers hold {@code model}, in any state. O(1). */
    int holders(String model);

    /** Returns a fixed view over {@code workers}, for tests and simulations that build views by hand. */
    static Workers of(List<WorkerView> workers) {
        List<WorkerView> copy = List.copyOf(workers);
        Map<String, Integer> holders = new HashMap<>();
        for (WorkerView w : copy) {
            if (w.model() != null) {
                holders.merge(w.model(), 1, Integer::sum);
            }
        }
        return new Workers() {
            @Override
            public List<WorkerView> all() {
                return copy;
            }

            @Override
            public int holders(String model) {
                return holders.getOrDefault(model, 0);
            }
        };
    }
}
