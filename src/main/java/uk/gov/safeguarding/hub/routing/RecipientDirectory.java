package uk.gov.safeguarding.hub.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How each national recipient is reached: email addresses and an optional signed webhook (SPEC §8,
 * {@code hub.recipients.*}). Channels are configuration, not code; every national recipient must have at least one,
 * or the hub refuses to start. The partnership is not here: each authority has its own ({@link AuthorityRegister}).
 */
@ConfigurationProperties("hub")
public record RecipientDirectory(Map<Recipient, Channels> recipients) {

    public RecipientDirectory {
        Map<Recipient, Channels> copy = new EnumMap<>(Recipient.class);
        if (recipients != null) {
            copy.putAll(recipients);
        }
        if (copy.containsKey(Recipient.PARTNERSHIP)) {
            throw new IllegalStateException("hub.recipients.PARTNERSHIP is not used: each local authority's partnership "
                    + "is configured as hub.authorities.<ONS code>.partnership (config/authorities.yml)");
        }
        for (Recipient recipient : Recipient.values()) {
            if (!recipient.national()) {
                continue;
            }
            Channels channels = copy.get(recipient);
            if (channels == null || channels.channels().isEmpty()) {
                throw new IllegalStateException("hub.recipients." + recipient
                        + " has no channel: set .emails and/or .webhook.url");
            }
        }
        recipients = Map.copyOf(copy);
    }

    Channels channelsOf(Recipient recipient) {
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
