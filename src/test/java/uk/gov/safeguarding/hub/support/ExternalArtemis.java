package uk.gov.safeguarding.hub.support;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

import java.util.Set;

/**
 * A real Artemis broker of its own, reached over TCP like an external production broker, with nothing of the
 * hub's configured in it: the hub must set it up. Optionally with security, for a user who may send and consume
 * but not manage the broker.
 */
public final class ExternalArtemis implements AutoCloseable {

    public static final String USER = "hub";
    public static final String PASSWORD = "hub-broker-secret";

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final int port = FreePort.find();

    private ExternalArtemis(boolean withoutManagePermission) {
        try {
            Configuration configuration = new ConfigurationImpl()
                    .setPersistenceEnabled(false)
                    .setSecurityEnabled(withoutManagePermission)
                    .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
            if (withoutManagePermission) {
                SecurityConfiguration users = new SecurityConfiguration();
                users.addUser(USER, PASSWORD);
                users.addRole(USER, "application");
                // send, consume, create/delete durable and non-durable queues, browse, create/delete addresses: not manage
                configuration.putSecurityRoles("#", Set.of(new Role("application", true, true, true, true, true, true,
                        false, true, true, true)));
                broker.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
            }
            broker.setConfiguration(configuration).start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the external Artemis broker", e);
        }
    }

    public static ExternalArtemis open() {
        return new ExternalArtemis(false);
    }

    public static ExternalArtemis withoutManagePermission() {
        return new ExternalArtemis(true);
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public ActiveMQServer server() {
        return broker.getActiveMQServer();
    }

    @Override
    public void close() {
        try {
            broker.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the external Artemis broker", e);
        }
    }
}
