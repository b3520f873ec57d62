package uk.gov.safeguarding.hub.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.FreePort;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;
import uk.gov.safeguarding.hub.support.Notifications;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A distinctive child name posted through the whole flow — intake, storage, fan-out, a failed webhook and its
 * dead letter — appears in no log line, no broker journal file, no outbox file, nowhere in plain text in the
 * database files, and not in what operations see.
 */
@HubIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ChildDataTracerTest {

    private static final String NAME = "Xanthippe Quorndon-Vellacott";
    private static final Path DATA_DIR = HubDataDir.create("tracer");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", DATA_DIR::toString);
        registry.add("hub.recipients.DFE.webhook.url", () -> "http://127.0.0.1:" + FreePort.find() + "/hook");
        registry.add("hub.recipients.DFE.webhook.secret", () -> "tracer-secret");
        registry.add("hub.delivery.max-attempts", () -> 1);
    }

    @LocalServerPort
    int port;

    @Test
    void theChildsNameIsNowhereInPlainText(CapturedOutput output) throws IOException {
        Api api = new Api(port);
        var body = Notifications.seriousIncident("SCT-TRACER-1");
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("children").get(0)).put("name", NAME);
        String id = api.post("/api/v1/notifications", body, Api.TRUST_KEY).body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> StreamSupport.stream(
                api.get("/api/v1/notifications/" + id, Api.OPS_KEY).body().get("deliveries").spliterator(), false)
                .noneMatch(d -> d.get("state").asText().equals("PENDING")));

        assertThat(api.get("/api/v1/dead-letters", Api.OPS_KEY).text()).contains("DFE").doesNotContain(NAME);
        assertThat(api.get("/api/v1/notifications/" + id, Api.TRUST_KEY).text()).doesNotContain(NAME);
        assertThat(output.getAll()).as("log output").contains("DFE by WEBHOOK").doesNotContain(NAME).doesNotContain("Quorndon");

        List<Path> files;
        try (Stream<Path> walk = Files.walk(DATA_DIR)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anySatisfy(f -> assertThat(f.toString()).contains("broker"))
                .anySatisfy(f -> assertThat(f.toString()).contains("outbox"))
                .anySatisfy(f -> assertThat(f.toString()).contains("db"));
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            for (byte[] needle : List.of(NAME.getBytes(StandardCharsets.UTF_8), NAME.getBytes(StandardCharsets.UTF_16LE),
                    NAME.getBytes(StandardCharsets.UTF_16BE), "Quorndon".getBytes(StandardCharsets.UTF_8))) {
                assertThat(indexOf(content, needle)).as("the child's name in %s", file).isEqualTo(-1);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
