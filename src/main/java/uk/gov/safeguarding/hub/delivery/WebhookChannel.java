package uk.gov.safeguarding.hub.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import uk.gov.safeguarding.hub.routing.RecipientDirectory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * Posts the notification JSON to a recipient's webhook, signed with its secret. Any answer but 2xx, a timeout or
 * a refused connection is a failed attempt. TLS certificates are verified by the JDK's default trust store.
 */
@Component
public class WebhookChannel {

    public static final String DELIVERY_ID_HEADER = "X-Hub-Delivery-Id";
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    WebhookChannel(ObjectMapper mapper, DeliveryProperties properties, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
        this.timeout = properties.webhookTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public void post(String deliveryId, RecipientDirectory.Webhook webhook, Object payload)
            throws IOException, InterruptedException {
        byte[] body = mapper.writeValueAsBytes(payload);
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(body, webhook.secret()))
                .header(WebhookSignature.TIMESTAMPED_HEADER,
                        WebhookSignature.signWithTimestamp(body, webhook.secret(), clock.instant().getEpochSecond()))
                // an idempotency key: the same delivery always carries the same id, so receivers can drop repeats
                .header(DELIVERY_ID_HEADER, deliveryId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Webhook " + webhook.url() + " answered HTTP " + response.statusCode());
        }
    }
}
