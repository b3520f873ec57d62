package uk.gov.safeguarding.hub.escalation;

import org.junit.jupiter.api.Test;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.mail.Email;
import uk.gov.safeguarding.hub.mail.EmailTemplates;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An escalation email (SPEC §5): what is overdue, for which notification, the deadline, who is outstanding, what to do. */
class EscalationEmailComposerTest {

    private final EscalationEmailComposer composer = new EscalationEmailComposer();
    private final EmailTemplates templates = new EmailTemplates();

    private static EscalationEmailComposer.Escalation escalation(int workingDaysLeft, boolean breached) {
        return new EscalationEmailComposer.Escalation("n-1", "SCT-1", "Sandwell (E08000028)", "SERIOUS_HARM",
                ClockType.NOTIFICATION, "-2WD", LocalDate.parse("2026-11-26"), workingDaysLeft, breached,
                List.of("Ofsted has not acknowledged the notification"), "https://hub.example.org/notifications/n-1",
                "https://hub.example.org/clocks");
    }

    @Test
    void dueSoonSaysTheWorkingDaysLeftAndWhatToDo() {
        Email email = templates.render(composer.letter(escalation(2, false)));

        assertThat(email.subject()).isEqualTo("[DUE SOON] Notification within 5 working days for SCT-1, Sandwell (E08000028), "
                + "deadline Thursday 26 November 2026");
        assertThat(email.text()).startsWith("2 working days left: notification within 5 working days.")
                .contains("Still outstanding:\n  - Ofsted has not acknowledged the notification")
                .contains("What to do: Contact each agency").contains("Time left: 2 working day(s)")
                .contains("Open the notification in the hub:\nhttps://hub.example.org/notifications/n-1")
                .contains("Everything open and overdue: https://hub.example.org/clocks");
        assertThat(email.html()).contains("background: #f47738");
    }

    @Test
    void todayAndOverdueSaySo() {
        assertThat(EscalationEmailComposer.subject(escalation(0, false))).startsWith("[DUE TODAY]");
        Email overdue = templates.render(composer.letter(escalation(-3, true)));
        assertThat(overdue.subject()).startsWith("[OVERDUE]");
        assertThat(overdue.text()).contains("The statutory deadline has passed").contains("overdue by 3 working day(s)");
        assertThat(overdue.html()).contains("background: #d4351c");
    }
}
