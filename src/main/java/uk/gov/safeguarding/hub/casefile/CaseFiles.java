package uk.gov.safeguarding.hub.casefile;

import org.springframework.stereotype.Service;
import uk.gov.safeguarding.hub.audit.AuditTrail;
import uk.gov.safeguarding.hub.clock.ClockRepository;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.clock.StatutoryClocks;
import uk.gov.safeguarding.hub.clock.WorkingDayCalendar;
import uk.gov.safeguarding.hub.delivery.DeliveryKind;
import uk.gov.safeguarding.hub.delivery.DeliveryRepository;
import uk.gov.safeguarding.hub.delivery.DeliveryState;
import uk.gov.safeguarding.hub.escalation.EscalationHistory;
import uk.gov.safeguarding.hub.notification.NotificationAccess;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.routing.Recipient;
import uk.gov.safeguarding.hub.routing.RecipientChannels;
import uk.gov.safeguarding.hub.security.HubClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The case file of a notification as a caller may read it: its deliveries, clocks, escalations and audit trail
 * (SPEC §6); and the open clocks of everything a caller may read. Read only, across the features that keep them.
 */
@Service
public class CaseFiles {

    private final NotificationAccess access;
    private final NotificationRepository notifications;
    private final OpenClocksQuery openClocks;
    private final NotificationListQuery notificationList;
    private final DeliveryRepository deliveries;
    private final ClockRepository clocks;
    private final AuditTrail audit;
    private final EscalationHistory escalations;
    private final StatutoryClocks statutoryClocks;
    private final WorkingDayCalendar calendar;
    private final RecipientChannels recipients;

    CaseFiles(NotificationAccess access, NotificationRepository notifications, OpenClocksQuery openClocks,
              NotificationListQuery notificationList,
              DeliveryRepository deliveries, ClockRepository clocks, AuditTrail audit, EscalationHistory escalations,
              StatutoryClocks statutoryClocks, WorkingDayCalendar calendar, RecipientChannels recipients) {
        this.access = access;
        this.notifications = notifications;
        this.openClocks = openClocks;
        this.notificationList = notificationList;
        this.deliveries = deliveries;
        this.clocks = clocks;
        this.audit = audit;
        this.escalations = escalations;
        this.statutoryClocks = statutoryClocks;
        this.calendar = calendar;
        this.recipients = recipients;
    }

    public NotificationView view(String id, HubClient client) {
        NotificationRepository.StoredNotification n = access.visibleTo(id, client);
        List<DeliveryRepository.StoredDelivery> stored = deliveries.forNotification(id);
        boolean forOperations = client.isOperations();
        List<NotificationView.Delivery> deliveryViews = stored.stream()
                .map(d -> new NotificationView.Delivery(d.kind().name(), d.recipient(),
                        recipients.nameOf(d.recipient(), n.localAuthority()),
                        d.channel().name(), d.state().name(), d.attempts(),
                        d.state() == DeliveryState.PENDING && d.attempts() > 0, d.sentAt(), d.acknowledgedAt(),
                        forOperations ? d.lastError() : null))
                .toList();
        List<NotificationView.Clock> clockViews = clocks.forNotification(id).stream()
                .map(c -> new NotificationView.Clock(c.clock().name(), c.startsOn(), c.deadline(), c.state().name(), c.metAt(),
                        c.breachedAt(), c.calendarCovered()))
                .toList();
        return new NotificationView(n.id(), n.trustReference(), n.localAuthority(),
                recipients.authorityLabel(n.localAuthority()), status(stored), n.late(),
                new NotificationView.Incident(n.incidentType().name(), n.occurredOn(), n.awareOn(), n.location(),
                        n.abuseOrNeglect()),
                n.receivedAt(), n.recipients(), deliveryViews, clockViews,
                escalations.fired(id).stream().map(e -> new NotificationView.Escalation(e.clock().name(), e.rung(),
                        e.firedAt(), e.to())).toList(),
                audit.forNotification(id, forOperations));
    }

    /**
     * The notifications {@code client} may read, newest first; optionally of one authority, with the NOTIFICATION
     * clock in one state, or only those overdue.
     */
    public NotificationList list(HubClient client, String authority, String clockState, boolean overdueOnly, int page,
                                 int pageSize) {
        LocalDate today = statutoryClocks.today();
        List<NotificationListQuery.Row> rows = notificationList.find(ReadScope.of(client), authority, clockState, today,
                overdueOnly, page * pageSize, pageSize + 1);
        return new NotificationList(page, pageSize, rows.size() > pageSize, rows.stream().limit(pageSize)
                .map(r -> new NotificationList.Item(r.id(), r.trustReference(), r.localAuthority(),
                        recipients.authorityLabel(r.localAuthority()), r.incidentType(), r.awareOn(), r.receivedAt(),
                        r.late(), r.notificationClock(), r.notificationDeadline(), r.overdue()))
                .toList());
    }

    /** The open clocks of the notifications {@code client} may read, nearest deadline first. */
    public OpenClocksView openClocks(HubClient client, boolean overdueOnly, int limit) {
        LocalDate today = statutoryClocks.today();
        List<OpenClocksQuery.OpenClock> open = openClocks.find(ReadScope.of(client), overdueOnly ? today : null, limit);
        Map<String, List<Recipient>> notAcknowledged = notifications.unacknowledged(open.stream()
                .filter(c -> c.clock() == ClockType.NOTIFICATION).map(OpenClocksQuery.OpenClock::notificationId)
                .collect(Collectors.toSet()));
        return new OpenClocksView(today, open.stream().map(c -> {
            List<Recipient> outstanding = c.clock() == ClockType.NOTIFICATION
                    ? notAcknowledged.getOrDefault(c.notificationId(), List.of()) : List.of();
            return new OpenClocksView.Item(c.notificationId(), c.trustReference(), c.localAuthority(),
                    recipients.authorityLabel(c.localAuthority()), c.clock().name(), c.startsOn(), c.deadline(),
                    c.state(), "BREACHED".equals(c.state()) || c.deadline().isBefore(today),
                    calendar.workingDaysBetween(today, c.deadline()), outstanding,
                    outstanding.stream().map(r -> recipients.nameOf(r, c.localAuthority())).toList());
        }).toList());
    }

    /** One word for the whole notification, from its deliveries: the notification's own, and any dead letter. */
    static String status(List<DeliveryRepository.StoredDelivery> all) {
        if (all.stream().anyMatch(d -> d.state() == DeliveryState.DEAD_LETTERED)) {
            return "NEEDS_ATTENTION";
        }
        List<DeliveryRepository.StoredDelivery> deliveries = all.stream()
                .filter(d -> d.kind() == DeliveryKind.NOTIFICATION).toList();
        if (deliveries.stream().allMatch(d -> d.state() == DeliveryState.ACKNOWLEDGED)) {
            return "ACKNOWLEDGED";
        }
        if (deliveries.stream().allMatch(d -> d.state().delivered() || d.state() == DeliveryState.DISCARDED)) {
            return "DELIVERED";
        }
        return "DELIVERING";
    }
}
