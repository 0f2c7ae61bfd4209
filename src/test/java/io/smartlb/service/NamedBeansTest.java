package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.smartlb.backend.Backend;
import io.smartlb.core.Strategy;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Strategies and backends are looked up by {@code @Identifier} at run time; an unknown name fails
 * with the key and the known names (design.md section 6). Startup calls exactly this check, so an
 * unknown name stops it (see {@code StartupFailureIT} for the packaged jar).
 */
@QuarkusTest
final class NamedBeansTest {

    @Inject
    @Any
    Instance<Strategy> strategies;

    @Inject
    @Any
    Instance<Backend> backends;

    @Test
    void select_builtInStrategy_returnsIt() {
        assertThat(NamedBeans.select(strategies, "fifo", "balancer.strategy", "strategy")).hasToString("fifo");
    }

    @Test
    void names_listsTheBuiltInStrategies() {
        assertThat(NamedBeans.names(strategies)).contains("affinity", "exclusive-affinity", "fifo");
    }

    @Test
    void select_unknownStrategy_failsNamingTheKeyAndTheKnownNames() {
        assertThatThrownBy(() -> NamedBeans.select(strategies, "nope", "balancer.strategy", "strategy"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("balancer.strategy: strategy 'nope' not found; known: ")
                .hasMessageContaining("affinity, exclusive-affinity, fifo");
    }

    @Test
    void select_unknownBackend_failsNamingTheKeyAndTheKnownNames() {
        assertThatThrownBy(() -> NamedBeans.select(backends, "gpu", "balancer.backend", "backend"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("balancer.backend: backend 'gpu' not found; known: ")
                .hasMessageContaining("simulated");
    }
}
