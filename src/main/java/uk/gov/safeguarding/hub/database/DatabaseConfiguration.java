package uk.gov.safeguarding.hub.database;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GroupCommitSettings.class)
class DatabaseConfiguration {
}
