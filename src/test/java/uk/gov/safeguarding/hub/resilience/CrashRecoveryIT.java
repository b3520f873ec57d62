package uk.gov.safeguarding.hub.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.FreePort;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.Mails;
import uk.gov.safeguarding.hub.support.HubProcess;
import uk.gov.safeguarding.hub.support.Notifications;
import uk.gov.safeguarding.hub.support.Postgres;
import uk.gov.safeguarding.hub.support.Smtp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §7 "nothing accepted is lost": the packaged hub, as its own process, takes a few hundred notifications
 * from concurrent clients and is killed with SIGKILL once at least 150 are accepted, with deliveries in flight.
 * Restarted on the same data directory (and database), every notification that got a 202 must reach SENT for
 * every delivery. Emails go to a real SMTP server, which counts the repeats that at-least-once delivery allows.
 */
class CrashRecoveryIT {

    private static final int NOTIFICATIONS = 300;
    private static final int KILL_AFTER_ACCEPTED = 150;
    private static final int CLIENTS = 8;

    @RegisterExtension
    final GreenMailExtension smtp = Smtp.serverForEachTest();

    @ParameterizedTest(name = "database: {0}")
    @ValueSource(strings = {"embedded", "postgresql"})
    void everyAcceptedNotificationIsDeliveredAfterAKillAndARestart(String database) throws Exception {
        Path dataDir = HubDataDir.create("crash-" + database);
        List<String> arguments = new ArrayList<>(List.of("--hub.data-dir=" + dataDir,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--hub.delivery.initial-backoff=200ms", "--hub.delivery.max-attempts=10",
                "--hub.security.rate-limit.requests=100000",
                // claims the killed hub held but had not published are taken over 2 s after the restart, not 10
                "--hub.outbox.stale-claim-after=2s"));
        if (database.equals("postgresql")) {
            arguments.addAll(List.of("--spring.datasource.url=" + Postgres.newDatabase("crash"),
                    "--spring.datasource.username=" + Postgres.RUNTIME, "--spring.datasource.password=" + Postgres.RUNTIME,
                    "--spring.flyway.user=" + Postgres.OWNER, "--spring.flyway.password=" + Postgres.OWNER));
        }
        HubProcess hub = new HubProcess(FreePort.find(), dataDir.resolve("hub.log"), arguments);
        try {
            killMidFlightAndRecover(database, hub);
        } finally {
            hub.kill();
        }
    }

    private void killMidFlightAndRecover(String database, HubProcess hub) throws Exception {
        hub.start();
        Api api = new Api(hub.port());

        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < NOTIFICATIONS; i++) {
            String reference = "SCT-CRASH-" + database + "-" + i;
            clients.submit(() -> {
                try {
                    Api.Response response = api.post("/api/v1/notifications", Notifications.seriousIncident(reference), Api.TRUST_KEY);
                    if (response.status() == 202) {
                        accepted.add(response.body().get("id").asText());
                        // at least, not exactly: two answers can arrive between one client's add and its check
                        if (accepted.size() >= KILL_AFTER_ACCEPTED && killed.compareAndSet(false, true)) {
                            hub.kill();
                        }
                    }
                } catch (RuntimeException | InterruptedException e) {
                    refused.incrementAndGet();
                }
                return null;
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        assertThat(hub.isAlive()).as("the hub was killed mid-flight").isFalse();
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACCEPTED);
        int sentBeforeRestart = smtp.getReceivedMessages().length;

        hub.start();
        // wait on the mail server, not by asking the hub about every notification while it catches up; then the
        // hub's own record of every delivery is checked
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                Arrays.stream(smtp.getReceivedMessages()).map(Mails::messageId).distinct().count() >= accepted.size() * 4L);
        List<String> notDelivered = new ArrayList<>(accepted);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            notDelivered.removeIf(id -> allSent(api, id));
            return notDelivered.isEmpty();
        });

        Map<String, Long> copies = Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(Mails::messageId, Collectors.counting()));
        long duplicated = copies.values().stream().filter(c -> c > 1).count();
        String report = String.format("crash test (%s): %d posted, %d accepted (202) before and around the kill, %d not answered; "
                        + "%d emails received before the restart; after it every accepted notification was delivered: "
                        + "%d emails for %d deliveries, %d sent twice or more%n",
                database, NOTIFICATIONS, accepted.size(), refused.get(), sentBeforeRestart,
                smtp.getReceivedMessages().length, copies.size(), duplicated);
        System.out.print(report);
        Files.writeString(Path.of("target", "crash-report.txt"), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(copies.size()).as("one email per delivery of every accepted notification")
                .isGreaterThanOrEqualTo(accepted.size() * 4);
        assertThat(hub.stop(Duration.ofSeconds(60))).as("exit code after SIGTERM").isIn(0, 143);
    }

    private static boolean allSent(Api api, String id) {
        Api.Response view = api.get("/api/v1/notifications/" + id, Api.OPS_KEY);
        if (view.status() != 200) {
            return false;
        }
        JsonNode deliveries = view.body().get("deliveries");
        return deliveries.size() == 4 && StreamSupport.stream(deliveries.spliterator(), false)
                .allMatch(d -> d.get("state").asText().equals("SENT"));
    }


}
