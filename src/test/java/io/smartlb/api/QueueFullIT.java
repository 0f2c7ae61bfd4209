package io.smartlb.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link QueueFullTest} against the packaged app, with a queue of two. */
@QuarkusIntegrationTest
@TestProfile(QueueFullTest.SmallQueue.class)
final class QueueFullIT extends QueueFullTest {
}
