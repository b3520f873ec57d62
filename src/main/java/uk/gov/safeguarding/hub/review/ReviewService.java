package uk.gov.safeguarding.hub.review;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.safeguarding.hub.audit.AuditEvent;
import uk.gov.safeguarding.hub.audit.AuditTrail;
import uk.gov.safeguarding.hub.clock.ClockRepository;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.clock.StatutoryClocks;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.web.ApiProblem;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rapid-review outcome and the LCSPR publication (SPEC §2 rules 4 and 5): each meets its clock, and an LCSPR
 * decision starts the 6-month publication clock. Recording the same outcome again is harmless; a different
 * outcome is a conflict.
 */
@Service
public class ReviewService {

    public enum Decision { LCSPR, NO_LCSPR }

    private final NotificationRepository notifications;
    private final ClockRepository clockRepository;
    private final StatutoryClocks clocks;
    private final AuditTrail audit;

    ReviewService(NotificationRepository notifications, ClockRepository clockRepository, StatutoryClocks clocks,
                  AuditTrail audit) {
        this.notifications = notifications;
        this.clockRepository = clockRepository;
        this.clocks = clocks;
        this.audit = audit;
    }

    @Transactional
    public Map<String, Object> recordRapidReview(NotificationRepository.StoredNotification n, LocalDate decidedOn,
                                                 Decision decision, String actor) {
        notFutureNorBefore("decidedOn", decidedOn, n.awareOn(), "incident.awareOn");
        var existing = notifications.rapidReview(n.id());
        if (existing.isPresent()) {
            if (!existing.get().decision().equals(decision.name()) || !existing.get().decidedOn().equals(decidedOn)) {
                throw new ApiProblem(HttpStatus.CONFLICT, "Rapid review already recorded",
                        "The rapid review was recorded as " + existing.get().decision() + " on "
                                + existing.get().decidedOn() + "; nothing was changed");
            }
        } else {
            notifications.recordRapidReview(n.id(), decidedOn, decision.name());
            audit.record(n.id(), AuditEvent.RAPID_REVIEW_RECORDED, actor, decision + " decided on " + decidedOn);
            // the review may be recorded before any delivery was made: the clock then starts and ends today
            clocks.start(n.id(), n.localAuthority(), ClockType.RAPID_REVIEW, clocks.today(), actor);
            clocks.meet(n.id(), ClockType.RAPID_REVIEW, actor);
            if (decision == Decision.LCSPR) {
                clocks.start(n.id(), n.localAuthority(), ClockType.LCSPR_PUBLICATION, decidedOn, actor);
            }
        }
        return outcome(n.id(), Map.of("decidedOn", decidedOn, "decision", decision));
    }

    @Transactional
    public Map<String, Object> recordPublication(NotificationRepository.StoredNotification n, LocalDate publishedOn,
                                                 String actor) {
        NotificationRepository.RapidReview review = notifications.rapidReview(n.id())
                .filter(r -> Decision.LCSPR.name().equals(r.decision()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "No LCSPR decided",
                        "Publication can be recorded only after a rapid review decided on an LCSPR; nothing was changed"));
        notFutureNorBefore("publishedOn", publishedOn, review.decidedOn(), "the rapid review decision");
        LocalDate stored = notifications.recordPublication(n.id(), publishedOn);
        if (!stored.equals(publishedOn)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "Publication already recorded",
                    "Publication was recorded on " + stored + "; nothing was changed");
        }
        if (clockRepository.find(n.id(), ClockType.LCSPR_PUBLICATION).map(c -> !c.met()).orElse(false)) {
            audit.record(n.id(), AuditEvent.PUBLICATION_RECORDED, actor, "published on " + publishedOn);
            clocks.meet(n.id(), ClockType.LCSPR_PUBLICATION, actor);
        }
        return outcome(n.id(), Map.of("publishedOn", publishedOn));
    }

    private void notFutureNorBefore(String field, LocalDate date, LocalDate earliest, String earliestName) {
        if (date.isAfter(clocks.today())) {
            throw ApiProblem.invalid(List.of(new ApiProblem.FieldError(field, "must not be in the future")));
        }
        if (date.isBefore(earliest)) {
            throw ApiProblem.invalid(List.of(new ApiProblem.FieldError(field, "must not be before " + earliestName
                    + " (" + earliest + ")")));
        }
    }

    private Map<String, Object> outcome(String notificationId, Map<String, Object> recorded) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", notificationId);
        body.putAll(new TreeMap<>(recorded));
        Map<String, Object> clockStates = new LinkedHashMap<>();
        for (ClockRepository.StoredClock c : clockRepository.forNotification(notificationId)) {
            clockStates.put(c.clock().name(), Map.of("deadline", c.deadline(), "state", c.state()));
        }
        body.put("clocks", clockStates);
        return body;
    }
}
