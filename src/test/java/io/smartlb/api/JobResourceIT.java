package io.smartlb.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link JobResourceTest} against the packaged app. */
@QuarkusIntegrationTest
final class JobResourceIT extends JobResourceTest {
}
