package uk.gov.safeguarding.hub.notification;

import org.springframework.stereotype.Service;
import uk.gov.safeguarding.hub.routing.Recipient;
import uk.gov.safeguarding.hub.security.HubClient;
import uk.gov.safeguarding.hub.web.ApiProblem;

/**
 * Who may see a notification (SPEC §9): operations; the Trust or partnership of its authority; a national agency
 * it was sent to. For anyone else it does not exist (404).
 */
@Service
public class NotificationAccess {

    private final NotificationRepository notifications;

    NotificationAccess(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    public NotificationRepository.StoredNotification visibleTo(String id, HubClient client) {
        return notifications.find(id)
                .filter(n -> mayRead(client, n))
                .orElseThrow(() -> ApiProblem.notFound("Notification " + id));
    }

    static boolean mayRead(HubClient client, NotificationRepository.StoredNotification n) {
        return client.isOperations()
                || client.actsForAuthority(n.localAuthority())
                || n.recipients().stream().filter(Recipient::national).map(Recipient::name).anyMatch(client::isAgencyFor);
    }
}
