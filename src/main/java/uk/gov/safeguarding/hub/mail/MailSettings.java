package uk.gov.safeguarding.hub.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Email settings ({@code hub.mail.*}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from                        the sender address of every email the hub sends
 * @param idleConnectionsClosedAfter  an SMTP connection unused for this long is closed rather than used again
 */
@ConfigurationProperties("hub.mail")
public record MailSettings(String from, Duration idleConnectionsClosedAfter) {
}
