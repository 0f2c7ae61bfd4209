package io.smartlb.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A 400 for a body that is not JSON says what is wrong and where, without notes meant for programmers. */
final class ParserWordsTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"model\":\"m1\"                | Unexpected end-of-input: expected close marker for Object (start marker at line 1, column 1) (line 1, column 14)",
        "{\"model\":\"m1\",\"priority\":NaN} | Non-standard token 'NaN' (line 1, column 29)",
        "{\"model\" \"m1\"}                  | Unexpected character ('\"' (code 34)): was expecting a colon to separate field name and value (line 1, column 10)",
        "{\"model\":\"m1\"]                 | Unexpected close marker ']': expected '}' (for Object starting at line 1, column 1) (line 1, column 14)",
        "{\"x: enable `q` zz\":1,\"x: enable `q` zz\":2} | Duplicate field 'x: enable `q` zz' (line 1, column 41)",
        "/*c*/{\"model\":\"m1\"}              | Unexpected character ('/' (code 47)): maybe a (non-standard) comment? JSON has no comments (line 1, column 1)",
    })
    void parserWords_dropsSourceAndFeatureNotes_andSaysWhere(String body, String words) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> JSON.readTree(body));

        assertThat(ProblemMappers.parserWords(e)).isEqualTo(words);
    }

    @Test
    void parserWords_ofAParserLimit_dropsTheNoteNamingTheSetting() {
        String deep = "[".repeat(3000) + "]".repeat(3000);
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> JSON.readTree(deep));

        assertThat(ProblemMappers.parserWords(e)).startsWith("Document nesting depth (").contains("exceeds the maximum allowed (")
                .doesNotContain("StreamReadConstraints").doesNotContain("from `");
    }
}
