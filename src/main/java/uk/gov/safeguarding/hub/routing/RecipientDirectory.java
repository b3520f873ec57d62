package uk.gov.safeguarding.hub.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How each recipient is reached: email addresses and an optional signed webhook (SPEC §8, {@code hub.recipients.*}).
 * Channels are configuration, not code; every recipient must have at least one, or the hub refuses to start.
 */
@ConfigurationProperties("hub")
public record RecipientDirectory(Map<Recipient, Channels> recipients) {

    public RecipientDirectory {
        Map<Recipient, Channels> copy = new EnumMap<>(Recipient.class);
        if (recipients != null) {
            copy.putAll(recipients);
        }
        for (Recipient recipient : Recipient.values()) {
            Channels channels = copy.get(recipient);
            if (channels == null || channels.channels().isEmpty()) {
                throw new IllegalStateException("hub.recipients." + recipient
                        + " has no channel: set .emails and/or .webhook.url");
            }
        }
        recipients = Map.copyOf(copy);
    }

    public Channels channelsOf(Recipient recipient) {
        return recipients.get(recipient);
    }

    public record Channels(List<String> emails, Webhook webhook) {

        public Channels {
            emails = emails == null ? List.of() : List.copyOf(emails);
        }

        public List<Channel> channels() {
            List<Channel> channels = new ArrayList<>();
            if (!emails.isEmpty()) {
                channels.add(Channel.EMAIL);
            }
            if (webhook != null && webhook.url() != null) {
                channels.add(Channel.WEBHOOK);
            }
            return channels;
        }
    }

    public record Webhook(URI url, String secret) {

        public Webhook {
            if (url != null && (secret == null || secret.isBlank())) {
                throw new IllegalStateException("A recipient webhook " + url + " needs a .webhook.secret to sign with");
            }
        }
    }
}
