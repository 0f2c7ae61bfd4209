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
    // the answer in blocks of BLOCK bytes, each filled before the next is made, copied once into
    // one array at the end: a growing buffer doubles past the answer's length and copies it again
    // (three times its size at the peak), and an array per buffer the client hands over costs tens
    // of bytes per byte when an upstream flushes a byte at a time
    private static final int BLOCK = 64 * 1024;
    private final List<byte[]> blocks = new ArrayList<>();
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
                blocks.clear();
                subscription.cancel();
                body.completeExceptionally(new TooLargeException(limit));
                return;
            }
            while (buffer.hasRemaining()) {
                int used = (int) (size % BLOCK);
                if (used == 0) {
                    blocks.add(new byte[(int) Math.min(BLOCK, limit - size)]);
                }
                int n = Math.min(buffer.remaining(), BLOCK - used);
                buffer.get(blocks.get(blocks.size() - 1), used, n);
                size += n;
            }
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
        for (int i = 0; i < blocks.size(); i++) {
            int from = i * BLOCK;
            System.arraycopy(blocks.get(i), 0, whole, from, (int) Math.min(BLOCK, size - from));
        }
        blocks.clear();
        body.complete(whole);
    }
}
