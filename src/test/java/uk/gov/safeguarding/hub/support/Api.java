package uk.gov.safeguarding.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A small HTTP client for the hub's API, as a Trust system or an agency would call it. */
public final class Api {

    public static final String TRUST_KEY = "local-trust-key";
    public static final String OPS_KEY = "local-ops-key";
    public static final String BIRMINGHAM_TRUST_KEY = "local-trust-birmingham-key";
    public static final String PARTNERSHIP_KEY = "local-partnership-key";
    public static final String BIRMINGHAM_PARTNERSHIP_KEY = "local-partnership-birmingham-key";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response post(String path, Object body, String key) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same POST sent {@code times} times at once, from as many threads; the answers in the order sent. */
    public List<Response> postAtOnce(String path, Object body, String key, int times) {
        ExecutorService senders = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                pending.add(senders.submit(() -> {
                    start.await();
                    return post(path, body, key);
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pending) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("A POST sent at once with others did not complete", e);
        } finally {
            senders.shutdownNow();
        }
    }

    public Response get(String pathOrUrl, String key) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), key);
    }

    /** A GET whose answer is not JSON (metrics, pages): the body is in {@link Response#text()}. */
    public Response getText(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), key, false);
    }

    /** A POST without a body whose answer is not JSON (a page's form): the body is in {@link Response#text()}. */
    public Response postText(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()), key, false);
    }

    private Response send(HttpRequest.Builder request, String key) {
        return send(request, key, true);
    }

    private Response send(HttpRequest.Builder request, String key, boolean json) {
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = !json || response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response.headers().firstValue("Location"),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, JsonNode body, Optional<String> location, String contentType, String text) {
    }
}
