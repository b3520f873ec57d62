package uk.gov.safeguarding.hub.mail;

import jakarta.activation.DataHandler;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import uk.gov.safeguarding.hub.HubProperties;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Sends an email over SMTP when {@code spring.mail.host} is set; otherwise writes it as an RFC 5322 {@code .eml}
 * file to {@code <hub.data-dir>/outbox/} (SPEC §8). Each email has a stable Message-ID made from its delivery id,
 * so that a receiver can drop the repeat that at-least-once delivery may cause; the outbox file name is stable
 * too, so a repeat replaces the file.
 */
@Component
public class EmailChannel {

    private static final String UTF_8 = "UTF-8";

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader scan of every jar each time a message is built
        // or written, unless this names it
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    /** Connections to the SMTP server; none when the hub writes to its outbox instead. */
    private final SmtpConnections smtp;
    private final Path outboxDir;
    private final String from;
    private final Clock clock;

    EmailChannel(ObjectProvider<JavaMailSenderImpl> smtpServer, HubProperties hub, MailSettings settings, Clock clock) {
        JavaMailSenderImpl server = smtpServer.getIfAvailable();
        this.smtp = server == null ? null : new SmtpConnections(server, settings.idleConnectionsClosedAfter());
        this.outboxDir = hub.dataDir().resolve("outbox");
        this.from = settings.from();
        this.clock = clock;
    }

    /** @param deliveryId the stable id of what is sent: its Message-ID and outbox file name */
    public void send(String deliveryId, List<String> to, Email email) throws MessagingException, IOException {
        send(deliveryId, to, email.subject(), email.text(), email.html());
    }

    private void send(String deliveryId, List<String> to, String subject, String text, String html)
            throws MessagingException, IOException {
        // built with Jakarta Mail itself: Spring's MimeMessageHelper reads the MIME type tables from the jars for
        // every message (a fifth of the fan-out's CPU in a profile)
        MimeMessage message = new StableIdMessage("<" + deliveryId + "@sin-hub>");
        message.setFrom(new InternetAddress(from, true));
        InternetAddress[] recipients = new InternetAddress[to.size()];
        for (int i = 0; i < recipients.length; i++) {
            recipients[i] = new InternetAddress(to.get(i), true);
        }
        message.setRecipients(Message.RecipientType.TO, recipients);
        message.setSubject(subject, UTF_8);
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(part(text, "plain"));
        alternatives.addBodyPart(part(html, "html"));
        message.setContent(alternatives);
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("X-Hub-Delivery-Id", deliveryId);
        if (smtp != null) {
            smtp.send(message);
        } else {
            writeToOutbox(deliveryId, message);
        }
    }

    @PreDestroy
    void closeConnections() {
        if (smtp != null) {
            smtp.close();
        }
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        // as bytes: a part given as text is written through a writer that passes it on a byte at a time and then
        // flushes the file or connection (a sixth of the delivery consumers' CPU in a profile)
        part.setDataHandler(new BytesHandler(content.getBytes(StandardCharsets.UTF_8), "text/" + subtype + "; charset=" + UTF_8));
        // named here: left unset, Jakarta Mail encodes the whole text once more only to choose it (a tenth of a
        // delivery's CPU in a profile)
        part.setHeader("Content-Transfer-Encoding", sevenBit(content) ? "7bit" : "quoted-printable");
        return part;
    }

    /** Whether text may be sent as it is (RFC 5322): ASCII without control characters, lines of at most 998. */
    static boolean sevenBit(String text) {
        int lineLength = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                lineLength = 0;
            } else if (c >= 0x7f || (c < 0x20 && c != '\t') || ++lineLength > 998) {
                return false;
            }
        }
        return true;
    }

    private void writeToOutbox(String deliveryId, MimeMessage message) throws IOException, MessagingException {
        Files.createDirectories(outboxDir);
        Path target = outboxDir.resolve(deliveryId + ".eml");
        Path partial = outboxDir.resolve(deliveryId + ".eml.partial");
        message.saveChanges();
        // buffered: the message writes itself a line at a time, a system call each without a buffer (the buffer's
        // 8 KB hold a whole email of the usual 4-5 KB)
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
            message.writeTo(out);
        }
        // readers of the outbox never see a half-written email
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A part's bytes, written out in one call: a DataHandler copies its data source through a new 8 KB buffer. */
    private static final class BytesHandler extends DataHandler {

        private final byte[] bytes;

        BytesHandler(byte[] bytes, String contentType) {
            super(new ByteArrayDataSource(bytes, contentType));
            this.bytes = bytes;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }
    }

    /** A message whose Message-ID survives saveChanges(), which would otherwise replace it with a random one. */
    private static final class StableIdMessage extends MimeMessage {

        // The sender sends over its own SMTP session; this one only builds messages. One for all: a new session reads
        // the mail providers from the jars every time (a quarter of the fan-out's CPU in a profile).
        private static final Session BUILDING = Session.getInstance(new Properties());
        private final String messageId;

        StableIdMessage(String messageId) {
            super(BUILDING);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
