package uk.gov.safeguarding.hub.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole hub on its embedded defaults, one context shared by every test class that needs nothing else (Spring
 * caches it): such tests read and count only what they made themselves. Rate limits are raised for the many
 * requests of the input tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SharedHubIntegrationTest.SharedHub.class)
public @interface SharedHubIntegrationTest {

    /** The shared hub's data directory, one for the test run. */
    final class SharedHub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static final Path DATA_DIR = HubDataDir.create("shared");

        public static Path dataDir() {
            return DATA_DIR;
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("shared-hub", Map.of(
                    "hub.data-dir", DATA_DIR.toString(), "hub.security.rate-limit.requests", 100_000,
                    "hub.security.unauthenticated-rate-limit.requests", 100_000)));
        }
    }
}
