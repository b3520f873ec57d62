package uk.gov.safeguarding.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

// API clients authenticate with keys (security package); there are no Spring-generated users. The auto-configurations
// named are of parts the hub does not use, each parsed and its beans made at every start: Camel's secret vaults, cloud
// service calls, REST DSL, route templates and the languages the routes do not use; Spring's HTTP client builders, JTA,
// Netty, WebSocket, multipart uploads and task scheduling.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class, excludeName = {
        "org.apache.camel.spring.boot.vault.AwsVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.GcpVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.AzureVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.HashicorpVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.KubernetesVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.KubernetesConfigMapVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.IBMVaultAutoConfiguration",
        "org.apache.camel.spring.boot.vault.CyberArkVaultAutoConfiguration",
        "org.apache.camel.spring.boot.cloud.CamelCloudAutoConfiguration",
        "org.apache.camel.spring.boot.cloud.CamelCloudServiceCallConfigurationAutoConfiguration",
        "org.apache.camel.spring.boot.cloud.CamelCloudServiceDiscoveryAutoConfiguration",
        "org.apache.camel.spring.boot.cloud.CamelCloudServiceFilterAutoConfiguration",
        "org.apache.camel.spring.boot.cloud.CamelCloudServiceChooserAutoConfiguration",
        "org.apache.camel.spring.boot.routetemplate.CamelRouteTemplateAutoConfiguration",
        "org.apache.camel.model.rest.springboot.RestConfigurationDefinitionAutoConfiguration",
        "org.apache.camel.language.csimple.springboot.CSimpleLanguageAutoConfiguration",
        "org.apache.camel.language.simple.springboot.FileLanguageAutoConfiguration",
        "org.apache.camel.language.property.springboot.ExchangePropertyLanguageAutoConfiguration",
        "org.apache.camel.language.tokenizer.springboot.TokenizeLanguageAutoConfiguration",
        "org.apache.camel.language.variable.springboot.VariableLanguageAutoConfiguration",
        "org.apache.camel.language.header.springboot.HeaderLanguageAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.observation.web.client.HttpClientObservationsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.scheduling.ScheduledTasksObservabilityAutoConfiguration",
        "org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.netty.NettyAutoConfiguration",
        "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
        "org.springframework.boot.autoconfigure.transaction.jta.JtaAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration",
        "org.springframework.boot.autoconfigure.websocket.servlet.WebSocketServletAutoConfiguration"
})
@EnableConfigurationProperties(HubProperties.class)
public class HubApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(HubApplication.class, args);
        } catch (RuntimeException startFailed) {
            // Spring has logged why and closed what had started. The process ends now, with a failure status for
            // whatever supervises it: the broker's in-VM client threads are not daemons and would keep a hub that
            // failed late in its start (its outbox relay still running) alive for another minute.
            System.exit(1);
        }
    }
}
