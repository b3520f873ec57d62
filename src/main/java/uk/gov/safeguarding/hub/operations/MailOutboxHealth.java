package uk.gov.safeguarding.hub.operations;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import uk.gov.safeguarding.hub.HubProperties;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The mail contributor when no SMTP server is configured: emails are files, so mail is healthy while the outbox
 * folder can be written. With an SMTP server, Spring Boot's own mail health indicator checks the server.
 */
@Component("mailOutbox")
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class MailOutboxHealth implements HealthIndicator {

    private final Path outbox;

    MailOutboxHealth(HubProperties hub) {
        this.outbox = hub.dataDir().resolve("outbox");
    }

    @Override
    public Health health() {
        try {
            Files.createDirectories(outbox);
            return Files.isWritable(outbox)
                    ? Health.up().withDetail("outbox", outbox.toAbsolutePath().toString()).build()
                    : Health.down().withDetail("outbox", "not writable").build();
        } catch (IOException e) {
            return Health.down(e).build();
        }
    }
}
