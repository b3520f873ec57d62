package uk.gov.safeguarding.hub;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.file.Path;

/**
 * Settings shared by several features.
 *
 * @param dataDir       broker journal, embedded database and mail outbox live under it
 * @param publicBaseUrl base of the links put in emails
 */
@ConfigurationProperties("hub")
public record HubProperties(Path dataDir, URI publicBaseUrl) {

    public String link(String path) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
