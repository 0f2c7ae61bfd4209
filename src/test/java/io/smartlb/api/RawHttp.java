package io.smartlb.api;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 connection on a plain socket, for what RestAssured cannot do: hang up while the
 * server still works on the request, or stream a chunked body. Connects to the port RestAssured
 * was given by the Quarkus test extension (the test port, or the packaged app's port).
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    static RawHttp connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
        socket.setSoTimeout(15_000);
        return new RawHttp(socket);
    }

    /** Sends {@code POST path} with a JSON body and an optional idempotency key; does not read the answer. */
    void postJson(String path, String json, String idempotencyKey) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + RestAssured.port + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + (idempotencyKey == null ? "" : "Idempotency-Key: " + idempotencyKey + "\r\n")
                + "\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Sends only the head of {@code POST path}, declaring a JSON body of {@code length} bytes; does not read the answer. */
    void postHeadOnly(String path, long length) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + RestAssured.port + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n"
                + "\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Sends {@code POST path} with a chunked JSON body of {@code prefix}, {@code filler} bytes of
     * {@code x}, and {@code suffix}; stops writing quietly if the server closes the connection.
     */
    void postChunked(String path, String prefix, int filler, String suffix) throws IOException {
        OutputStream out = socket.getOutputStream();
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + RestAssured.port + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        try {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            chunk(out, prefix.getBytes(StandardCharsets.UTF_8));
            byte[] block = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < filler; sent += block.length) {
                chunk(out, block.length <= filler - sent ? block : "x".repeat(filler - sent).getBytes(StandardCharsets.US_ASCII));
            }
            chunk(out, suffix.getBytes(StandardCharsets.UTF_8));
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (SocketException e) {
            // the server answered early and closed; the answer is still there to read
        }
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads until the server closes the connection or goes quiet; returns what came, as text. */
    /** Sends {@code bytes} as they are; does not read the answer. */
    void send(String bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    String readAll() throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // a reset after the answer, or a timeout: keep what was read
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
