package uk.gov.safeguarding.hub.mail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {
}
