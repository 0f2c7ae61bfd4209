package io.smartlb.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An answer read whole, however the client cuts it into buffers, and never past the limit. */
final class BoundedBodyTest {

    private static final Flow.Subscription IGNORED = new Flow.Subscription() {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    };

    private static byte[] answer(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 1000, 65_536, 65_537, 200_000})
    void body_inBuffersOfAnySize_isTheAnswerWhole(int bufferSize) throws Exception {
        byte[] answer = answer(200_001);  // over three blocks, not a multiple of any buffer size above
        BoundedBody body = new BoundedBody(answer.length);
        body.onSubscribe(IGNORED);
        for (int at = 0; at < answer.length; at += bufferSize) {
            body.onNext(List.of(ByteBuffer.wrap(answer, at, Math.min(bufferSize, answer.length - at))));
        }
        body.onComplete();

        assertThat(body.getBody().toCompletableFuture().get()).isEqualTo(answer);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 65_536})
    void body_oneBytePastTheLimit_failsTooLarge(int bufferSize) {
        byte[] answer = answer(70_001);
        BoundedBody body = new BoundedBody(70_000);
        body.onSubscribe(IGNORED);
        for (int at = 0; at < answer.length; at += bufferSize) {
            body.onNext(List.of(ByteBuffer.wrap(answer, at, Math.min(bufferSize, answer.length - at))));
        }

        assertThatThrownBy(() -> body.getBody().toCompletableFuture().get()).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(BoundedBody.TooLargeException.class);
    }
}
