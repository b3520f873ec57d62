package uk.gov.safeguarding.hub.delivery;

import org.junit.jupiter.api.Test;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.mail.Email;
import uk.gov.safeguarding.hub.mail.EmailTemplates;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.routing.Recipient;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What each kind of delivery's email says, laid out by the real templates. */
class EmailComposerTest {

    private final EmailComposer composer = new EmailComposer();
    private final EmailTemplates templates = new EmailTemplates();

    private static DeliveryContent content(DeliveryKind kind, NotificationRepository.ReviewStage review, boolean late) {
        return new DeliveryContent("d-1", kind, "n-1", Recipient.OFSTED, "Ofsted", "SCT-2026-0042", "E08000028",
                "Sandwell (E08000028)", "DEATH", LocalDate.parse("2026-11-18"), LocalDate.parse("2026-11-19"),
                Map.of(ClockType.NOTIFICATION, LocalDate.parse("2026-11-26"), ClockType.RAPID_REVIEW, LocalDate.parse("2026-12-11")),
                late, review, "https://hub.example.org/acknowledgements/TOKEN", "https://hub.example.org/api/v1/notifications/n-1",
                "https://hub.example.org/notifications/n-1");
    }

    @Test
    void theNotificationEmailSaysTheMinimumWithNamesAndTheLink() {
        Email email = templates.render(composer.letter(content(DeliveryKind.NOTIFICATION, null, true)));

        assertThat(email.subject()).isEqualTo("Serious incident notification SCT-2026-0042, Sandwell (E08000028): Death of a child [LATE]");
        assertThat(email.text()).contains("Local authority: Sandwell (E08000028)")
                .contains("Notification due by: Thursday 26 November 2026 (5 working days) - this notification is late")
                .contains("Sent to you as: Ofsted")
                .contains("https://hub.example.org/acknowledgements/TOKEN")
                .contains("Read the notification in the hub: https://hub.example.org/notifications/n-1")
                .doesNotContain("/api/");
        assertThat(email.html()).contains("<th scope=\"row\"").contains("href=\"https://hub.example.org/acknowledgements/TOKEN\"")
                .contains("name=\"viewport\"");
        assertThat(email.text().chars().allMatch(c -> c < 128)).as("plain ASCII, so that links are never wrapped").isTrue();
    }

    @Test
    void aStepOfTheReviewStageSaysWhatWasDecidedAndNothingOfTheComment() {
        NotificationRepository.ReviewStage review = new NotificationRepository.ReviewStage(LocalDate.parse("2026-11-30"),
                "LCSPR", LocalDate.parse("2026-12-02"), false, "<b>Consider the health visitor</b>",
                LocalDate.parse("2027-05-03"), LocalDate.parse("2027-04-28"), true, null);

        Email outcome = templates.render(composer.letter(content(DeliveryKind.RAPID_REVIEW_OUTCOME, review, false)));
        Email response = templates.render(composer.letter(content(DeliveryKind.PANEL_RESPONSE, review, false)));
        Email notice = templates.render(composer.letter(content(DeliveryKind.PUBLICATION_NOTICE, review, false)));

        assertThat(outcome.subject()).contains("Rapid review outcome").contains("will be carried out");
        assertThat(outcome.text()).contains("Rapid review due by: Friday 11 December 2026 (15 working days)")
                .doesNotContain("/api/");
        assertThat(response.text()).contains("does not concur").contains("comment can be read in the hub")
                .doesNotContain("health visitor");
        assertThat(notice.subject()).endsWith("Monday 3 May 2027 [LATE NOTICE]");
        assertThat(notice.html()).doesNotContain("<b>");
    }

    @Test
    void textThatLooksLikeMarkupIsEscapedInTheHtml() {
        DeliveryContent hostile = new DeliveryContent("d-1", DeliveryKind.NOTIFICATION, "n-1", Recipient.PARTNERSHIP,
                "<script>alert(1)</script> Partnership", "SCT-<i>", "E08000028", "Sandwell (E08000028)", "DEATH",
                LocalDate.parse("2026-11-18"), LocalDate.parse("2026-11-19"),
                Map.of(ClockType.NOTIFICATION, LocalDate.parse("2026-11-26")), false, null,
                "https://hub.example.org/acknowledgements/\"onmouseover=x", "https://hub.example.org/api/v1/notifications/n-1",
                "https://hub.example.org/notifications/n-1");

        String html = templates.render(composer.letter(hostile)).html();

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").doesNotContain("<i>")
                .doesNotContain("\"onmouseover");
    }
}
