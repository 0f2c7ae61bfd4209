package io.smartlb.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link FifoStrategyTest} against the packaged app, with the fifo strategy. */
@QuarkusIntegrationTest
@TestProfile(FifoStrategyTest.Fifo.class)
final class FifoStrategyIT extends FifoStrategyTest {
}
