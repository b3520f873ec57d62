package uk.gov.safeguarding.hub.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.safeguarding.hub.routing.RecipientDirectory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhooks verify TLS: an HTTPS endpoint whose certificate no trusted authority signed gets nothing, and the
 * attempt fails (to be retried, then dead-lettered) instead of posting the notification to whoever answers.
 */
class WebhookChannelTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path folder;
    HttpsServer server;
    SSLContext serverContext;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void selfSignedEndpoint() throws Exception {
        Path keystore = folder.resolve("endpoint.p12");
        Process keytool = new ProcessBuilder(keytool(), "-genkeypair", "-alias", "endpoint", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), trust.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/hook", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anEndpointWithAnUntrustedCertificateReceivesNothing() {
        WebhookChannel channel = new WebhookChannel(new ObjectMapper(),
                new DeliveryProperties(1, Thread.MIN_PRIORITY, Duration.ofSeconds(5)),
                Clock.systemUTC());
        RecipientDirectory.Webhook webhook = new RecipientDirectory.Webhook(endpoint(), "tls-test-secret");

        assertThatThrownBy(() -> channel.post("delivery-1", webhook, Map.of("id", "n-1")))
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(requests).hasValue(0);
    }

    @Test
    void theSameEndpointAnswersAClientThatTrustsItsCertificate() throws Exception {
        HttpClient trusting = HttpClient.newBuilder().sslContext(serverContext).build();
        HttpResponse<Void> response = trusting.send(HttpRequest.newBuilder(endpoint())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(requests).hasValue(1);
    }

    private URI endpoint() {
        return URI.create("https://localhost:" + server.getAddress().getPort() + "/hook");
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }
}
