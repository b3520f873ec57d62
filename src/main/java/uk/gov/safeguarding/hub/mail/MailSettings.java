package uk.gov.safeguarding.hub.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param from the sender address of every email the hub sends ({@code hub.mail.from}) */
@ConfigurationProperties("hub.mail")
public record MailSettings(String from) {
}
