package uk.gov.safeguarding.hub.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) for a test class: started before its Spring context, stopped after the class. */
public final class Smtp {

    private Smtp() {
    }

    /**
     * Register it as a static {@code @RegisterExtension} field, and give the hub the same {@code port} (known before
     * the server starts, as the Spring context may start first).
     */
    public static GreenMailExtension server(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withPerMethodLifecycle(false);
    }
}
