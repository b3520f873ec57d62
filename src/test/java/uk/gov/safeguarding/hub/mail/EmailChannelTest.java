package uk.gov.safeguarding.hub.mail;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import uk.gov.safeguarding.hub.HubProperties;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An email written to the outbox reads back as it was sent, each part in a transfer encoding fit for it: as it is
 * for plain ASCII, quoted-printable for other text and for lines too long for SMTP.
 */
class EmailChannelTest {

    @TempDir
    Path dataDir;

    @Test
    void eachPartIsEncodedForWhatItHoldsAndReadsBackUnchanged() throws Exception {
        EmailChannel channel = new EmailChannel(new StaticListableBeanFactory().getBeanProvider(JavaMailSenderImpl.class),
                new HubProperties(dataDir, URI.create("http://localhost:8080")),
                new MailSettings("sin-hub@localhost", Duration.ofSeconds(30)), Clock.systemUTC());
        String text = "Local authority: Sandwell (E08000028)\r\nDue by: Thursday 26 November 2026\r\n";
        String html = "<p>Rapid review due by Friday 11 December 2026 \u2014 \u00a3 " + "x".repeat(1200) + "</p>";

        channel.send("d-1", List.of("ofsted@example.org"), new Email("Serious incident notification", text, html));

        MimeMessage written;
        try (InputStream in = Files.newInputStream(dataDir.resolve("outbox/d-1.eml"))) {
            written = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        Multipart alternatives = (Multipart) written.getContent();
        Part plain = alternatives.getBodyPart(0);
        Part rich = alternatives.getBodyPart(1);
        assertThat(new ContentType(plain.getContentType()).toString()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(new ContentType(rich.getContentType()).toString()).isEqualTo("text/html; charset=UTF-8");
        assertThat(plain.getHeader("Content-Transfer-Encoding")).containsExactly("7bit");
        assertThat(plain.getContent()).isEqualTo(text);
        assertThat(rich.getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");
        assertThat(rich.getContent()).isEqualTo(html);
        assertThat(written.getMessageID()).isEqualTo("<d-1@sin-hub>");
    }

    @Test
    void onlyAsciiTextInShortLinesIsSentAsItIs() {
        assertThat(EmailChannel.sevenBit("Dear Ofsted,\r\n\tplease acknowledge.\n")).isTrue();
        assertThat(EmailChannel.sevenBit("Due \u2014 Thursday")).isFalse();
        assertThat(EmailChannel.sevenBit("a bell \u0007")).isFalse();
        assertThat(EmailChannel.sevenBit("y".repeat(998) + "\r\n" + "y".repeat(998))).isTrue();
        assertThat(EmailChannel.sevenBit("y".repeat(999))).isFalse();
    }
}
