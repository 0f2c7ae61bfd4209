import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;

/**
 * A model server that answers at once, for measuring what smartlb adds: every request gets 200
 * with a small JSON body (GET /health too). Vert.x with TCP_NODELAY, so that the upstream adds no
 * Nagle delay of its own. With BYTES, the body is instead a JSON string that long (a large answer).
 * Runs on the Vert.x that the packaged app ships:
 *
 *   java -cp 'target/quarkus-app/lib/main/*' bench/EchoUpstream.java 9100 [BYTES]
 */
public final class EchoUpstream {

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9100;
        Buffer body = args.length > 1 ? Buffer.buffer("\"" + "x".repeat(Integer.parseInt(args[1]) - 2) + "\"")
                : Buffer.buffer("{\"ok\":true}");
        Vertx.vertx().createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setTcpNoDelay(true))
                .requestHandler(request -> request.body().onComplete(ignored -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .end(body)))
                .listen(port)
                .onSuccess(server -> System.out.println("echo upstream on 127.0.0.1:" + port))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
