package io.smartlb.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class AnswerTextTest {

    @Test
    void isJson_byTheMediaTypeInAnyCase_notByAParameter() {
        assertThat(AnswerText.isJson("application/json")).isTrue();
        assertThat(AnswerText.isJson("Application/JSON; charset=UTF-8")).isTrue();
        assertThat(AnswerText.isJson("application/problem+json")).isTrue();
        assertThat(AnswerText.isJson(" text/json ")).isTrue();
        assertThat(AnswerText.isJson("text/plain; profile=json")).isFalse();
        assertThat(AnswerText.isJson("application/jsonl")).isFalse();
        assertThat(AnswerText.isJson("json")).isFalse();
        assertThat(AnswerText.isJson("")).isFalse();
    }

    @Test
    void charsetOf_readsTheDeclaredCharset_elseUtf8() {
        assertThat(AnswerText.charsetOf("text/plain; Charset=\"UTF-16\"")).isEqualTo(StandardCharsets.UTF_16);
        assertThat(AnswerText.charsetOf("text/plain;charset=windows-1252;format=flowed")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(AnswerText.charsetOf("text/plain")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(AnswerText.charsetOf("text/plain; charset=no-such-charset")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(AnswerText.charsetOf("text/plain; charset=bad name!")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void declaresCharset_onlyWithTheParameter() {
        assertThat(AnswerText.declaresCharset("application/json; CHARSET=utf-16")).isTrue();
        assertThat(AnswerText.declaresCharset("application/json")).isFalse();
        assertThat(AnswerText.declaresCharset("application/charset+json")).isFalse();
    }

    @Test
    void decode_dropsALeadingByteOrderMark_only() {
        byte[] body = "\uFEFFa\uFEFFb".getBytes(StandardCharsets.UTF_8);

        assertThat(AnswerText.decode(body, "text/plain")).isEqualTo("a\uFEFFb");
    }

    @Test
    void start_cutsOnCharacters_inTheDeclaredCharset_neverHalfOfOne() {
        byte[] latin1 = "erreur: modèle café".getBytes(StandardCharsets.ISO_8859_1);
        byte[] emojiAtTheCut = ("xx" + "\uD83D\uDE00" + "yy").getBytes(StandardCharsets.UTF_8);

        assertThat(AnswerText.start(latin1, "text/plain; charset=iso-8859-1", 200)).isEqualTo("erreur: modèle café");
        assertThat(AnswerText.start(latin1, "text/plain; charset=iso-8859-1", 7)).isEqualTo("erreur:...");
        assertThat(AnswerText.start(emojiAtTheCut, "text/plain", 3)).isEqualTo("xx...");
        assertThat(AnswerText.start(emojiAtTheCut, "text/plain", 4)).isEqualTo("xx\uD83D\uDE00...");
    }
}
