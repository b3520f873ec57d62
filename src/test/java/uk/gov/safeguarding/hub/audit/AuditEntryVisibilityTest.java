package uk.gov.safeguarding.hub.audit;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Failure causes, discard reasons and operators' usernames are for operations only (SPEC §9), old entries too. */
class AuditEntryVisibilityTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T10:00:00Z");

    @Test
    void operationsReadTheCauseOthersReadWhatHappened() {
        String cause = "ConnectException: connect to https://hooks.example.org/sin?token=abc refused";

        assertThat(AuditTrail.entry(AT, AuditEvent.FAILED, "hub", "DFE by WEBHOOK, attempt 1 of 5 failed; a retry is scheduled",
                cause, true).detail()).isEqualTo("DFE by WEBHOOK, attempt 1 of 5 failed; a retry is scheduled: " + cause);
        assertThat(AuditTrail.entry(AT, AuditEvent.FAILED, "hub", "DFE by WEBHOOK, attempt 1 of 5 failed; a retry is scheduled",
                cause, false).detail()).isEqualTo("DFE by WEBHOOK, attempt 1 of 5 failed; a retry is scheduled");
    }

    @Test
    void anOperatorsDiscardReasonAndUsernameAreShownToOperationsOnly() {
        AuditTrail.Entry others = AuditTrail.entry(AT, AuditEvent.DISCARDED, "console:jsmith", "DFE by EMAIL discarded",
                "DfE confirmed receipt by phone", false);
        AuditTrail.Entry operations = AuditTrail.entry(AT, AuditEvent.DISCARDED, "console:jsmith", "DFE by EMAIL discarded",
                "DfE confirmed receipt by phone", true);

        assertThat(others.actor()).isEqualTo("operations");
        assertThat(others.detail()).isEqualTo("DFE by EMAIL discarded");
        assertThat(operations.actor()).isEqualTo("console:jsmith");
        assertThat(operations.detail()).contains("DfE confirmed receipt by phone");
        assertThat(AuditTrail.entry(AT, AuditEvent.RETRIED, "console:jsmith", "DFE by EMAIL from the dead-letter queue",
                null, false).actor()).isEqualTo("operations");
    }

    @Test
    void entriesWrittenBeforeCausesWereKeptApartShowOthersNoCause() {
        String legacy = "OFSTED by EMAIL, attempt 2 of 5 failed: MailSendException: 550 mailbox unavailable at smtp.internal";

        assertThat(AuditTrail.entry(AT, AuditEvent.FAILED, "hub", legacy, null, false).detail())
                .isEqualTo("An attempt failed; the cause is shown to operations");
        assertThat(AuditTrail.entry(AT, AuditEvent.DEAD_LETTERED, "hub", legacy, null, false).detail())
                .doesNotContain("smtp.internal");
        assertThat(AuditTrail.entry(AT, AuditEvent.FAILED, "hub", legacy, null, true).detail()).isEqualTo(legacy);
        assertThat(AuditTrail.entry(AT, AuditEvent.SENT, "hub", "OFSTED by EMAIL, attempt 1", null, false).detail())
                .isEqualTo("OFSTED by EMAIL, attempt 1");
    }
}
