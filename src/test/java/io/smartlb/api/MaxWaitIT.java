package io.smartlb.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link MaxWaitTest} against the packaged app, with a one-second max-wait. */
@QuarkusIntegrationTest
@TestProfile(MaxWaitTest.ShortWait.class)
final class MaxWaitIT extends MaxWaitTest {
}
