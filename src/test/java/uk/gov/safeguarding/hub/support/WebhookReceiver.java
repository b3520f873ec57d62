package uk.gov.safeguarding.hub.support;

import com.sun.net.httpserver.HttpServer;
import uk.gov.safeguarding.hub.delivery.WebhookSignature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for an agency's webhook endpoint: it checks both signatures as a receiver must,
 * answers 401 to a bad one, and keeps what it received.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final String secret;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public WebhookReceiver(String secret) {
        this(secret, 0);
    }

    /** A receiver on a given port: for an endpoint that was down and comes up. */
    public WebhookReceiver(String secret, int port) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            boolean valid = signature != null && MessageDigest.isEqual(
                    WebhookSignature.sign(body, secret).getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
            String timestamped = exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMPED_HEADER);
            boolean timestampValid = timestamped != null && timestamped.startsWith("t=") && MessageDigest.isEqual(
                    WebhookSignature.signWithTimestamp(body, secret, Long.parseLong(timestamped.substring(2, timestamped.indexOf(','))))
                            .getBytes(StandardCharsets.UTF_8), timestamped.getBytes(StandardCharsets.UTF_8));
            received.add(new Received(new String(body, StandardCharsets.UTF_8), signature, valid && timestampValid,
                    exchange.getRequestHeaders().getFirst("X-Hub-Delivery-Id")));
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public String secret() {
        return secret;
    }

    public List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public record Received(String body, String signature, boolean signatureValid, String deliveryId) {
    }
}
