package uk.gov.safeguarding.hub.mail;

/** An email ready to send: its subject, and its body as plain text and as HTML. */
public record Email(String subject, String text, String html) {
}
