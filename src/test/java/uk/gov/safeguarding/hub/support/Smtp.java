package uk.gov.safeguarding.hub.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) for a test class: started before its Spring context, stopped after the class. */
public final class Smtp {

    private Smtp() {
    }

    /** Register it as a static {@code @RegisterExtension} field; its port is {@code getSmtp().getPort()} once started. */
    public static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withPerMethodLifecycle(false);
    }
}
