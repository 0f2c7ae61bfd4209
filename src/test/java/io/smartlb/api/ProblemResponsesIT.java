package io.smartlb.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ProblemResponsesTest} against the packaged app. */
@QuarkusIntegrationTest
final class ProblemResponsesIT extends ProblemResponsesTest {
}
