package io.smartlb.backend;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Starts two {@link FakeModelServer}s on 127.0.0.1 (model load 30 ms) before Quarkus boots, and
 * points the http backend at them; an ejected upstream stays out {@link #EJECT_SECONDS}.
 */
public final class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    static final long LOAD_MILLIS = 30;
    static final int EJECT_SECONDS = 8;
    static volatile List<FakeModelServer> servers;

    @Override
    public Map<String, String> start() {
        try {
            servers = List.of(new FakeModelServer("gpu-0", LOAD_MILLIS).start(),
                    new FakeModelServer("gpu-1", LOAD_MILLIS).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "balancer.backend", "http",
                "balancer.http.upstreams", servers.get(0).url() + "," + servers.get(1).url(),
                "balancer.http.timeout", "10s",
                "balancer.http.health-interval", "1s",
                "balancer.http.eject-time", EJECT_SECONDS + "s");
    }

    @Override
    public void stop() {
        servers.forEach(FakeModelServer::close);
    }
}
