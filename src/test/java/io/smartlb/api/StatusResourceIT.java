package io.smartlb.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link StatusResourceTest} against the packaged app. */
@QuarkusIntegrationTest
final class StatusResourceIT extends StatusResourceTest {
}
