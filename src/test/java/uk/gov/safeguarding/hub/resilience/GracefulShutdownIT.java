package uk.gov.safeguarding.hub.resilience;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.FreePort;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubProcess;
import uk.gov.safeguarding.hub.support.Mails;
import uk.gov.safeguarding.hub.support.Notifications;
import uk.gov.safeguarding.hub.support.Smtp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM while deliveries are in flight: the hub stops taking notifications, finishes or hands back what it was
 * doing, and exits by itself; after a restart every accepted notification is delivered.
 */
class GracefulShutdownIT {

    @RegisterExtension
    final GreenMailExtension smtp = Smtp.serverForEachTest();

    @Test
    void sigtermStopsIntakeReturnsInFlightWorkAndExits() throws Exception {
        Path dataDir = HubDataDir.create("graceful");
        HubProcess hub = new HubProcess(FreePort.find(), dataDir.resolve("hub.log"),
                List.of("--hub.data-dir=" + dataDir, "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort()));
        try {
            hub.start();
            Api api = new Api(hub.port());
            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                accepted.add(api.post("/api/v1/notifications", Notifications.seriousIncident("SCT-TERM-" + i), Api.TRUST_KEY)
                        .body().get("id").asText());
            }

            int exitCode = hub.stop(Duration.ofSeconds(60));

            assertThat(exitCode).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(canConnect(api)).as("intake has stopped").isFalse();
            assertThat(Files.readString(dataDir.resolve("hub.log"))).as("the database stayed open until in-flight work was done")
                    .doesNotContain("Database is already closed");

            hub.start();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                    Arrays.stream(smtp.getReceivedMessages()).map(Mails::messageId).distinct().count() >= accepted.size() * 4L);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> accepted.stream().allMatch(id ->
                    StreamSupport.stream(api.get("/api/v1/notifications/" + id, Api.OPS_KEY).body().get("deliveries").spliterator(), false)
                            .allMatch(d -> d.get("state").asText().equals("SENT"))));
            assertThat(api.get("/api/v1/dead-letters", Api.OPS_KEY).body().get("total").asInt()).isZero();
            hub.stop(Duration.ofSeconds(60));
        } finally {
            hub.kill();
        }
    }

    private static boolean canConnect(Api api) {
        try {
            api.get("/actuator/health", null);
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }
}
