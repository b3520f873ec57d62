package uk.gov.safeguarding.hub.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * SMTP connections kept open between emails, for the server that Spring Boot's mail sender is configured for
 * ({@code spring.mail.*}). Opening a connection costs a TCP (and TLS) handshake and the server's greeting: 45 ms per
 * email against the test's SMTP server, where an open connection takes 1 ms. Each connection serves one sender at
 * a time. One idle for longer than {@code maxIdle} is closed instead of reused, since servers drop idle clients;
 * an email that fails on a reused connection is sent once more on a new one, because the server may have dropped
 * the old one (not one the server answered and refused). A repeat that reaches the recipient twice carries the same Message-ID, as at-least-once allows.
 */
final class SmtpConnections implements AutoCloseable {

    private static final int MOST_KEPT_OPEN = 16;
    private final JavaMailSenderImpl server;
    private final long maxIdleNanos;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean closed;

    private record Idle(Transport transport, long since) {
    }

    SmtpConnections(JavaMailSenderImpl server, Duration maxIdle) {
        this.server = server;
        this.maxIdleNanos = maxIdle.toNanos();
    }

    void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        Transport reused = takeIdle();
        if (reused != null) {
            try {
                reused.sendMessage(message, message.getAllRecipients());
                giveBack(reused);
                return;
            } catch (SendFailedException refused) {
                // the server answered and refused the email: a new connection would be refused the same way
                closeQuietly(reused);
                throw refused;
            } catch (MessagingException perhapsDropped) {
                closeQuietly(reused);
            }
        }
        Transport fresh = open();
        try {
            fresh.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            closeQuietly(fresh);
            throw e;
        }
        giveBack(fresh);
    }

    /** As Spring's sender connects: an empty user name (an unset placeholder) means no authentication. */
    private Transport open() throws MessagingException {
        String username = server.getUsername();
        String password = server.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        String protocol = server.getProtocol() == null ? "smtp" : server.getProtocol();
        Transport transport = server.getSession().getTransport(protocol);
        transport.connect(server.getHost(), server.getPort(), username, password);
        return transport;
    }

    private Transport takeIdle() {
        List<Transport> expired = new ArrayList<>();
        Transport usable = null;
        synchronized (this) {
            long now = System.nanoTime();
            while (usable == null && !idle.isEmpty()) {
                Idle candidate = idle.pollLast();
                if (now - candidate.since() > maxIdleNanos) {
                    expired.add(candidate.transport());
                } else {
                    usable = candidate.transport();
                }
            }
        }
        expired.forEach(SmtpConnections::closeQuietly);
        return usable;
    }

    private void giveBack(Transport transport) {
        synchronized (this) {
            if (!closed && idle.size() < MOST_KEPT_OPEN) {
                idle.addLast(new Idle(transport, System.nanoTime()));
                return;
            }
        }
        closeQuietly(transport);
    }

    @Override
    public void close() {
        List<Idle> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(idle);
            idle.clear();
        }
        open.forEach(i -> closeQuietly(i.transport()));
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException alreadyBroken) {
            // the connection is being discarded either way
        }
    }
}
