package io.smartlb.api;

import io.smallrye.common.annotation.Identifier;
import io.smartlb.core.Decision;
import io.smartlb.core.Job;
import io.smartlb.core.Strategy;
import io.smartlb.core.Waiting;
import io.smartlb.core.WaitingModel;
import io.smartlb.core.WorkerView;
import io.smartlb.core.Workers;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A user's own strategy, as design.md section 6 describes it: one bean with an identifier. Last in,
 * first out over the model heads; O(models), which is fine for a test.
 */
@ApplicationScoped
@Identifier(NewestFirst.NAME)
class NewestFirst implements Strategy {

    static final String NAME = "test-newest";
    static final String REASON = "newest first";

    @Override
    public Decision next(WorkerView worker, Waiting waiting, Workers workers, long nowNanos) {
        Job<?> newest = null;
        for (WaitingModel model : waiting.modelsByAge()) {
            if (newest == null || model.head().id() > newest.id()) {
                newest = model.head();
            }
        }
        return newest == null ? Decision.nothingWaits() : Decision.run(newest, REASON);
    }
}
