package uk.gov.safeguarding.hub.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A webhook endpoint whose behaviour a test switches: answer 500, hang past the hub's timeout, or accept. */
public final class FlakyEndpoint implements AutoCloseable {

    public enum Mode { FAIL_500, HANG, ACCEPT }

    private final HttpServer server;
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.FAIL_500);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();

    public FlakyEndpoint(long hangMillis) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            switch (mode.get()) {
                case FAIL_500 -> exchange.sendResponseHeaders(500, -1);
                case HANG -> {
                    try {
                        Thread.sleep(hangMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.sendResponseHeaders(204, -1);
                }
                case ACCEPT -> {
                    accepted.incrementAndGet();
                    exchange.sendResponseHeaders(204, -1);
                }
            }
            exchange.close();
        });
        server.start();
    }

    public void mode(Mode next) {
        mode.set(next);
    }

    public int requests() {
        return requests.get();
    }

    public int accepted() {
        return accepted.get();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
