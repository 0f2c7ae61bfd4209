package io.smartlb.backend;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * An upstream that takes connections on 127.0.0.1 and never answers (a hung model server): the
 * operating system accepts them into the backlog, nothing reads them. The http backend points at it
 * with a probe timeout longer than any test here.
 */
public final class HungUpstream implements QuarkusTestResourceLifecycleManager {

    private ServerSocket socket;

    @Override
    public Map<String, String> start() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "balancer.backend", "http",
                "balancer.http.upstreams", "http://127.0.0.1:" + socket.getLocalPort(),
                "balancer.http.timeout", "60s",
                "balancer.http.health-interval", "1s");
    }

    @Override
    public void stop() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
