package uk.gov.safeguarding.hub.review;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.safeguarding.hub.audit.AuditEvent;
import uk.gov.safeguarding.hub.audit.AuditTrail;
import uk.gov.safeguarding.hub.clock.ClockRepository;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.clock.StatutoryClocks;
import uk.gov.safeguarding.hub.clock.WorkingDayCalendar;
import uk.gov.safeguarding.hub.delivery.DeliveryKind;
import uk.gov.safeguarding.hub.delivery.DeliveryPlanner;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.notification.NotificationRepository.StoredNotification;
import uk.gov.safeguarding.hub.routing.Recipient;
import uk.gov.safeguarding.hub.web.ApiProblem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The review stage (SPEC §2 rules 4 and 5, §11): the rapid-review outcome delivered to the National Panel, the
 * Panel's response delivered to the partnership, the notice of publication delivered to the Panel and the Secretary
 * of State, embargoes that pause the publication clock, and the publication that meets it. Each step is recorded
 * once: the same step again is harmless, a different one is a conflict; a refusal changes nothing.
 */
@Service
public class ReviewService {

    /** Notice of publication is late when given fewer than this many working days before the planned date. */
    static final int PUBLICATION_NOTICE_WORKING_DAYS = 7;

    public enum Decision { LCSPR, NO_LCSPR }

    private final NotificationRepository notifications;
    private final ClockRepository clockRepository;
    private final StatutoryClocks clocks;
    private final WorkingDayCalendar calendar;
    private final PublicationEmbargoes embargoes;
    private final DeliveryPlanner deliveries;
    private final AuditTrail audit;
    private final Clock clock;

    ReviewService(NotificationRepository notifications, ClockRepository clockRepository, StatutoryClocks clocks,
                  WorkingDayCalendar calendar, PublicationEmbargoes embargoes, DeliveryPlanner deliveries,
                  AuditTrail audit, Clock clock) {
        this.notifications = notifications;
        this.clockRepository = clockRepository;
        this.clocks = clocks;
        this.calendar = calendar;
        this.embargoes = embargoes;
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ReviewStageView recordRapidReview(StoredNotification n, LocalDate decidedOn, Decision decision, String actor) {
        notFutureNorBefore("decidedOn", decidedOn, n.awareOn(), "incident.awareOn");
        var existing = notifications.rapidReview(n.id());
        if (existing.isPresent()) {
            if (!existing.get().decision().equals(decision.name()) || !existing.get().decidedOn().equals(decidedOn)) {
                throw conflict("Rapid review already recorded", "The rapid review was recorded as "
                        + existing.get().decision() + " on " + existing.get().decidedOn());
            }
            return view(n);
        }
        notifications.recordRapidReview(n.id(), decidedOn, decision.name());
        audit.record(n.id(), AuditEvent.RAPID_REVIEW_RECORDED, actor, decision + " decided on " + decidedOn);
        // recorded before the notification was first delivered: the clock starts today; it is met on delivery
        clocks.start(n.id(), n.localAuthority(), ClockType.RAPID_REVIEW, clocks.today(), actor);
        if (decision == Decision.LCSPR) {
            clocks.start(n.id(), n.localAuthority(), ClockType.LCSPR_PUBLICATION, decidedOn, actor);
        }
        deliveries.plan(n.id(), n.localAuthority(), DeliveryKind.RAPID_REVIEW_OUTCOME, Set.of(Recipient.NATIONAL_PANEL), now());
        return view(n);
    }

    @Transactional
    public ReviewStageView recordPanelResponse(StoredNotification n, LocalDate respondedOn, boolean concurs,
                                               String comment, String actor) {
        NotificationRepository.RapidReview review = notifications.rapidReview(n.id()).orElseThrow(() ->
                conflict("No rapid review recorded", "The Panel responds to a rapid review's outcome, and none has been recorded"));
        notFutureNorBefore("respondedOn", respondedOn, review.decidedOn(), "the rapid review decision");
        NotificationRepository.ReviewStage stage = notifications.reviewStage(n.id());
        if (stage.panelRespondedOn() != null) {
            if (!stage.panelRespondedOn().equals(respondedOn) || !Objects.equals(stage.panelConcurs(), concurs)
                    || !Objects.equals(stage.panelComment(), comment)) {
                throw conflict("Panel response already recorded", "The Panel's response was recorded on "
                        + stage.panelRespondedOn());
            }
            return view(n);
        }
        notifications.recordPanelResponse(n.id(), respondedOn, concurs, comment);
        audit.record(n.id(), AuditEvent.PANEL_RESPONSE_RECORDED, actor,
                (concurs ? "concurs" : "does not concur") + ", responded on " + respondedOn);
        deliveries.plan(n.id(), n.localAuthority(), DeliveryKind.PANEL_RESPONSE, Set.of(Recipient.PARTNERSHIP), now());
        return view(n);
    }

    @Transactional
    public ReviewStageView recordPublicationPlan(StoredNotification n, LocalDate plannedOn, String actor) {
        NotificationRepository.RapidReview review = lcsprDecided(n);
        notBefore("plannedOn", plannedOn, review.decidedOn(), "the rapid review decision");
        NotificationRepository.ReviewStage stage = notifications.reviewStage(n.id());
        if (stage.publishedOn() != null) {
            throw conflict("Already published", "The LCSPR was published on " + stage.publishedOn());
        }
        if (stage.plannedOn() != null) {
            if (!stage.plannedOn().equals(plannedOn)) {
                throw conflict("Publication already planned", "Notice was given on " + stage.noticeGivenOn()
                        + " of publication on " + stage.plannedOn());
            }
            return view(n);
        }
        LocalDate today = clocks.today();
        boolean late = calendar.workingDaysBetween(today, plannedOn) < PUBLICATION_NOTICE_WORKING_DAYS;
        notifications.recordPublicationPlan(n.id(), plannedOn, today, late);
        audit.record(n.id(), AuditEvent.PUBLICATION_PLANNED, actor, "publication planned on " + plannedOn
                + (late ? ", notice given fewer than " + PUBLICATION_NOTICE_WORKING_DAYS + " working days before (late)" : ""));
        deliveries.plan(n.id(), n.localAuthority(), DeliveryKind.PUBLICATION_NOTICE,
                Set.of(Recipient.NATIONAL_PANEL, Recipient.SECRETARY_OF_STATE), now());
        return view(n);
    }

    @Transactional
    public ReviewStageView embargo(StoredNotification n, LocalDate since, EmbargoReason reason,
                                   String detail, String actor) {
        NotificationRepository.RapidReview review = lcsprDecided(n);
        notFutureNorBefore("since", since, review.decidedOn(), "the rapid review decision");
        notPublished(n);
        var open = embargoes.open(n.id());
        if (open.isPresent()) {
            PublicationEmbargoes.Embargo current = open.get();
            if (!current.since().equals(since) || current.reason() != reason || !Objects.equals(current.detail(), detail)) {
                throw conflict("Already embargoed", "Publication has been embargoed since " + current.since()
                        + " (" + current.reason() + "); lift that embargo first");
            }
            return view(n);
        }
        List<PublicationEmbargoes.Embargo> earlier = embargoes.all(n.id());
        if (!earlier.isEmpty()) {
            PublicationEmbargoes.Embargo last = earlier.get(earlier.size() - 1);
            if (!since.isAfter(last.since())) {
                throw ApiProblem.invalid(List.of(new ApiProblem.FieldError("since",
                        "must be after the previous embargo, which began on " + last.since())));
            }
            notBefore("since", since, last.liftedOn(), "the lifting of the previous embargo");
        }
        embargoes.open(n.id(), since, reason, detail, actor);
        audit.record(n.id(), AuditEvent.PUBLICATION_EMBARGOED, actor, "since " + since + ": " + reason);
        clocks.pause(n.id(), ClockType.LCSPR_PUBLICATION, actor, "paused: publication embargoed since " + since);
        return view(n);
    }

    @Transactional
    public ReviewStageView liftEmbargo(StoredNotification n, LocalDate liftedOn, String actor) {
        PublicationEmbargoes.Embargo open = embargoes.open(n.id()).orElseThrow(() ->
                conflict("No embargo to lift", "Publication is not embargoed"));
        notFutureNorBefore("liftedOn", liftedOn, open.since(), "the embargo (since)");
        long daysPaused = ChronoUnit.DAYS.between(open.since(), liftedOn);
        embargoes.lift(n.id(), liftedOn);
        audit.record(n.id(), AuditEvent.PUBLICATION_EMBARGO_LIFTED, actor, "lifted on " + liftedOn
                + " after " + daysPaused + " calendar day(s)");
        clocks.resume(n.id(), n.localAuthority(), ClockType.LCSPR_PUBLICATION, daysPaused, actor);
        return view(n);
    }

    @Transactional
    public ReviewStageView recordPublication(StoredNotification n, LocalDate publishedOn, String actor) {
        NotificationRepository.RapidReview review = lcsprDecided(n);
        notFutureNorBefore("publishedOn", publishedOn, review.decidedOn(), "the rapid review decision");
        embargoes.open(n.id()).ifPresent(open -> {
            throw conflict("Publication embargoed", "Publication has been embargoed since " + open.since()
                    + "; lift the embargo before recording the publication");
        });
        LocalDate stored = notifications.recordPublication(n.id(), publishedOn);
        if (!stored.equals(publishedOn)) {
            throw conflict("Publication already recorded", "Publication was recorded on " + stored);
        }
        if (clockRepository.find(n.id(), ClockType.LCSPR_PUBLICATION).map(c -> !c.met()).orElse(false)) {
            audit.record(n.id(), AuditEvent.PUBLICATION_RECORDED, actor, "published on " + publishedOn);
            clocks.meet(n.id(), ClockType.LCSPR_PUBLICATION, actor);
        }
        return view(n);
    }

    /** Every step of a notification's review stage recorded so far, with its clocks. */
    public ReviewStageView view(StoredNotification n) {
        NotificationRepository.ReviewStage stage = notifications.reviewStage(n.id());
        Map<ClockType, ReviewStageView.ClockState> clockStates = new EnumMap<>(ClockType.class);
        for (ClockRepository.StoredClock c : clockRepository.forNotification(n.id())) {
            clockStates.put(c.clock(), new ReviewStageView.ClockState(c.deadline(), c.state().name(), c.metAt()));
        }
        return new ReviewStageView(n.id(), stage.decidedOn(),
                stage.decision() == null ? null : Decision.valueOf(stage.decision()),
                stage.panelRespondedOn() == null ? null : new ReviewStageView.PanelResponse(stage.panelRespondedOn(),
                        stage.panelConcurs(), stage.panelComment()),
                stage.plannedOn(), stage.noticeLate(), stage.noticeGivenOn(),
                embargoes.all(n.id()).stream().map(e -> new ReviewStageView.Embargo(e.since(), e.reason().name(),
                        e.detail(), e.liftedOn())).toList(),
                stage.publishedOn(), clockStates);
    }

    private NotificationRepository.RapidReview lcsprDecided(StoredNotification n) {
        return notifications.rapidReview(n.id())
                .filter(r -> Decision.LCSPR.name().equals(r.decision()))
                .orElseThrow(() -> conflict("No LCSPR decided",
                        "This step follows a rapid review that decided on an LCSPR, and none has been recorded"));
    }

    private void notPublished(StoredNotification n) {
        LocalDate published = notifications.reviewStage(n.id()).publishedOn();
        if (published != null) {
            throw conflict("Already published", "The LCSPR was published on " + published);
        }
    }

    private void notFutureNorBefore(String field, LocalDate date, LocalDate earliest, String earliestName) {
        if (date.isAfter(clocks.today())) {
            throw ApiProblem.invalid(List.of(new ApiProblem.FieldError(field, "must not be in the future")));
        }
        notBefore(field, date, earliest, earliestName);
    }

    private static void notBefore(String field, LocalDate date, LocalDate earliest, String earliestName) {
        if (earliest != null && date.isBefore(earliest)) {
            throw ApiProblem.invalid(List.of(new ApiProblem.FieldError(field, "must not be before " + earliestName
                    + " (" + earliest + ")")));
        }
    }

    private static ApiProblem conflict(String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, title, detail + "; nothing was changed");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
