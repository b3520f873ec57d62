package uk.gov.safeguarding.hub.mail;

import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every part of a letter, in both templates; what is absent is left out. */
class EmailTemplatesTest {

    private final EmailTemplates templates = new EmailTemplates();

    private static Letter letter(String banner, Letter.Link link) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Local authority", "Sandwell & Dudley");
        facts.put("Occurred on", "Wednesday 18 November 2026");
        return new Letter("Subject", banner, true, "Heading <b>", facts, "Still outstanding", List.of("Ofsted"),
                List.of("First paragraph.", "Second paragraph."), new Letter.Link("Acknowledge", "https://hub.example.org/a/T"),
                link, "Footer");
    }

    @Test
    void thePlainTextSaysEveryPartInOrderAsWritten() {
        Email email = templates.render(letter("Overdue", new Letter.Link("Read it", "https://hub.example.org/n/1")));

        assertThat(email.subject()).isEqualTo("Subject");
        assertThat(email.text()).containsSubsequence("Overdue", "Heading <b>", "Local authority: Sandwell & Dudley",
                "Occurred on: Wednesday 18 November 2026", "Still outstanding:", "  - Ofsted", "First paragraph.",
                "Second paragraph.", "Acknowledge:", "https://hub.example.org/a/T", "Read it: https://hub.example.org/n/1",
                "Footer");
    }

    @Test
    void theHtmlEscapesWhatItShowsAndLinksTheActions() {
        Email email = templates.render(letter("Overdue", new Letter.Link("Read it", "https://hub.example.org/n/1")));

        assertThat(email.html()).contains("Heading &lt;b&gt;").contains("Sandwell &amp; Dudley")
                .contains("background: #d4351c").contains("href=\"https://hub.example.org/a/T\"")
                .contains("href=\"https://hub.example.org/n/1\"").doesNotContain("<b>");
    }

    @Test
    void partsThatAreAbsentAreLeftOut() {
        Email email = templates.render(letter(null, null));

        assertThat(email.text()).doesNotContain("Overdue").doesNotContain("Read it").startsWith("Heading");
        assertThat(email.html()).doesNotContain("background: #d4351c").doesNotContain("Read it");
    }

    @Test
    void theTemplatesReadTheLetterAsMapsNotRecords() {
        Map<String, Object> variables = EmailTemplates.variables(letter("Overdue", new Letter.Link("Read it", "https://hub.example.org/n/1")));

        assertThat(variables.get("action")).isInstanceOf(Map.class);
        assertThat((Collection<?>) variables.get("facts")).allMatch(Map.class::isInstance);
        assertThat(variables.values()).noneMatch(value -> value != null && value.getClass().isRecord());
    }
}
