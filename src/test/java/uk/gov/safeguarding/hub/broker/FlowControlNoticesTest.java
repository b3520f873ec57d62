package uk.gov.safeguarding.hub.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlowControlNoticesTest {

    @Test
    void theBrokersBlockAndUnblockNoticesAreDroppedAndItsOtherNoticesKept() {
        LoggerContext context = new LoggerContext();
        context.addTurboFilter(new FlowControlNotices());
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.setContext(context);
        logged.start();
        Logger broker = context.getLogger("org.apache.activemq.artemis.core.server");
        broker.setLevel(Level.DEBUG);
        broker.addAppender(logged);

        broker.warn("AMQ222183: Blocking message production on address '{}'; {}", "hub.delivery", "size=2118872 bytes");
        broker.info("AMQ221046: Unblocking message production on address '{}'; {}", "hub.delivery", "size=2096964 bytes");
        broker.warn("AMQ222210: Free storage space is at {} of {} total. Usage rate is {} which is beyond the configured "
                + "<max-disk-usage>. System will start blocking producers.", "1GB", "100GB", "99%");
        // only the broker's notices are dropped: below INFO the filter lets every call through unread
        broker.debug("AMQ222183: as a debug message");

        assertThat(logged.list).extracting(ILoggingEvent::getMessage)
                .containsExactly("AMQ222210: Free storage space is at {} of {} total. Usage rate is {} which is beyond the "
                        + "configured <max-disk-usage>. System will start blocking producers.", "AMQ222183: as a debug message");
    }
}
