package io.smartlb.service;

import io.smallrye.common.annotation.Identifier;
import io.smartlb.core.Strategy;
import io.smartlb.core.strategy.Adaptive;
import io.smartlb.core.strategy.Affinity;
import io.smartlb.core.strategy.ExclusiveAffinity;
import io.smartlb.core.strategy.Fifo;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * The built-in strategies as CDI beans named by {@code @Identifier}, built from the configuration.
 * A user adds a strategy the same way: one bean implementing {@link Strategy} with an identifier.
 */
@Dependent
class BuiltInStrategies {

    @Produces
    @Dependent
    @Identifier(Fifo.NAME)
    Strategy fifo() {
        return new Fifo();
    }

    @Produces
    @Dependent
    @Identifier(Affinity.NAME)
    Strategy affinity(BalancerConfig config) {
        BalancerConfig.Strategies.Affinity c = config.strategies().affinity();
        return new Affinity(c.switchPenalty(), c.sharedModelPenalty());
    }

    @Produces
    @Dependent
    @Identifier(Adaptive.NAME)
    Strategy adaptive(BalancerConfig config) {
        BalancerConfig.Strategies.Adaptive c = config.strategies().adaptive();
        return new Adaptive(c.maxWait(), c.defaultLoadTime(), c.defaultProcessTime());
    }

    @Produces
    @Dependent
    @Identifier(ExclusiveAffinity.NAME)
    Strategy exclusiveAffinity(BalancerConfig config) {
        return new ExclusiveAffinity(config.strategies().exclusiveAffinity().switchPenalty());
    }
}
