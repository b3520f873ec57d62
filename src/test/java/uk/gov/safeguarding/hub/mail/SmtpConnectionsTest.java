package uk.gov.safeguarding.hub.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import uk.gov.safeguarding.hub.support.FreePort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Emails go over connections kept open, against a real SMTP server (GreenMail) behind a relay that counts the
 * connections made to it: one connection for many emails; a connection the server has dropped is replaced without
 * failing the email; one idle too long is not used again.
 */
class SmtpConnectionsTest {

    private final int smtpPort = FreePort.find();
    private GreenMail smtp;
    private CountingRelay relay;

    @BeforeEach
    void start() throws IOException {
        smtp = startSmtp();
        relay = new CountingRelay(smtpPort);
    }

    @AfterEach
    void stop() {
        relay.close();
        smtp.stop();
    }

    @Test
    void manyEmailsGoOverOneConnection() throws Exception {
        try (SmtpConnections connections = new SmtpConnections(sender(), Duration.ofSeconds(30))) {
            for (int i = 0; i < 5; i++) {
                connections.send(email(i));
            }
        }
        assertThat(smtp.getReceivedMessages()).hasSize(5);
        assertThat(relay.connections()).isEqualTo(1);
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedAndTheEmailStillGoes() throws Exception {
        try (SmtpConnections connections = new SmtpConnections(sender(), Duration.ofSeconds(30))) {
            connections.send(email(1));
            smtp.stop();
            smtp = startSmtp();

            connections.send(email(2));
        }
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(relay.connections()).isEqualTo(2);
    }

    @Test
    void aConnectionIdleLongerThanAllowedIsNotUsedAgain() throws Exception {
        try (SmtpConnections connections = new SmtpConnections(sender(), Duration.ZERO)) {
            connections.send(email(1));
            connections.send(email(2));
        }
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(relay.connections()).isEqualTo(2);
    }

    @Test
    void anEmailTheServerCannotBeReachedForFails() {
        relay.close();
        SmtpConnections connections = new SmtpConnections(sender(), Duration.ofSeconds(30));
        assertThatThrownBy(() -> connections.send(email(1)))
                .isInstanceOf(MessagingException.class);
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(relay.port());
        return sender;
    }

    private static MimeMessage email(int number) throws MessagingException {
        MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()));
        message.setFrom(new InternetAddress("sin-hub@localhost"));
        message.setRecipients(Message.RecipientType.TO, "enquiries@ofsted.example.org");
        message.setSubject("Email " + number);
        message.setText("Body " + number);
        return message;
    }

    /** Forwards TCP connections to the SMTP server and counts them. */
    private static final class CountingRelay implements AutoCloseable {

        private final ServerSocket listener;
        private final AtomicInteger accepted = new AtomicInteger();

        CountingRelay(int target) throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        accepted.incrementAndGet();
                        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                        pump(client, server);
                        pump(server, client);
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "smtp-relay");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private static void pump(Socket from, Socket to) {
            Thread pump = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException ended) {
                    // either side closed
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }, "smtp-relay-pump");
            pump.setDaemon(true);
            pump.start();
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        int port() {
            return listener.getLocalPort();
        }

        int connections() {
            return accepted.get();
        }

        @Override
        public void close() {
            try {
                listener.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
