package uk.gov.safeguarding.hub.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) through its JUnit extension. */
public final class Smtp {

    private Smtp() {
    }

    /**
     * One for a test class, started before its Spring context and stopped after the class. Register it as a static
     * {@code @RegisterExtension} field, and give the hub the same {@code port} (known before the server starts, as
     * the Spring context may start first).
     */
    public static GreenMailExtension server(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withPerMethodLifecycle(false);
    }

    /**
     * One for each test, on a free port: for tests that start the hub as its own process, each with its own server.
     * Register it as an instance {@code @RegisterExtension} field.
     */
    public static GreenMailExtension serverForEachTest() {
        return new GreenMailExtension(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withPerMethodLifecycle(true);
    }
}
