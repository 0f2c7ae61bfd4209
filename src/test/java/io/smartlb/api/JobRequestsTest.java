package io.smartlb.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code POST /jobs} answers about a bad model: the rule, whatever was wrong. */
final class JobRequestsTest {

    @ParameterizedTest
    @NullAndEmptySource
    void check_noModel_saysWhatAModelIs(String model) {
        assertThatThrownBy(() -> JobRequests.check(new SubmitRequest(model, null, null), null))
                .isInstanceOf(ApiProblem.class)
                .hasMessage("model: is required: 1-128 chars of [A-Za-z0-9._:/-], starting with a letter or digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {" m1", "-m1", "m 1"})
    void check_badModel_saysWhatAModelIs(String model) {
        assertThatThrownBy(() -> JobRequests.check(new SubmitRequest(model, null, null), null))
                .isInstanceOf(ApiProblem.class)
                .hasMessage("model: must be 1-128 chars of [A-Za-z0-9._:/-], starting with a letter or digit");
    }

    @Test
    void check_noBody_asksForAModel() {
        assertThatThrownBy(() -> JobRequests.check(null, null))
                .isInstanceOf(ApiProblem.class)
                .hasMessage("body: a JSON object with a 'model' is required");
    }
}
