package uk.gov.safeguarding.hub.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole hub on a random port, in a context of the test class's own: for tests that configure the hub their way
 * (an SMTP server, a webhook, a database) or count what the whole database holds. The context is closed after the
 * class, so that it stops while the servers the class started are still up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
public @interface HubIntegrationTest {
}
