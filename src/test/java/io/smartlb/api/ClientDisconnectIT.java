package io.smartlb.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ClientDisconnectTest} against the packaged app, with one worker. */
@QuarkusIntegrationTest
@TestProfile(OneWorkerProfile.class)
final class ClientDisconnectIT extends ClientDisconnectTest {
}
