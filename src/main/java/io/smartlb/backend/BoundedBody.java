package io.smartlb.backend;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An upstream's answer body read into a byte array, up to a limit: past it the read stops, the
 * connection is given up and the body fails with {@link TooLargeException}, so that one huge answer
 * cannot take the heap.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The answer was longer than the limit. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("the answer is over balancer.http.max-response-size (" + limit + " bytes)");
        }
    }

    private final long limit;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    // the chunks as they came, copied once into one array at the end: a growing buffer would
    // double past the answer's length and copy it again, three times its size at the peak
    private final List<byte[]> chunks = new ArrayList<>();
    private long size;
    private Flow.Subscription subscription;

    BoundedBody(long limit) {
        this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;  // given up past the limit: what still arrives is dropped
        }
        for (ByteBuffer buffer : buffers) {
            if (size + buffer.remaining() > limit) {
                chunks.clear();
                subscription.cancel();
                body.completeExceptionally(new TooLargeException(limit));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            chunks.add(chunk);
            size += chunk.length;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        byte[] whole = new byte[(int) size];  // at most the limit, which fits an array (ConfigChecks)
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, whole, at, chunk.length);
            at += chunk.length;
        }
        chunks.clear();
        body.complete(whole);
    }
}
