package uk.gov.safeguarding.hub.mail;

import java.util.List;
import java.util.Map;

/**
 * What an email says, decided by the feature that sends it; {@link EmailTemplates} lays it out as plain text and as
 * a single-column HTML page readable on a phone (templates {@code email/letter.html} and {@code email/letter.txt}).
 *
 * @param banner     an opening line set apart (an escalation's urgency), or null
 * @param urgent     the banner is red (overdue) rather than orange
 * @param facts      label → value, in order
 * @param listTitle  a heading for {@code list}, or null when there is no list
 * @param action     the one thing to do (e.g. acknowledge), or null
 * @param link       a further link, or null
 */
public record Letter(String subject, String banner, boolean urgent, String heading, Map<String, String> facts,
                     String listTitle, List<String> list, List<String> paragraphs, Link action, Link link,
                     String footer) {

    public record Link(String label, String url) {
    }
}
