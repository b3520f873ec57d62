package uk.gov.safeguarding.hub.acknowledgement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.safeguarding.hub.notification.NotificationAccess;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.routing.Recipient;
import uk.gov.safeguarding.hub.security.ClientRole;
import uk.gov.safeguarding.hub.security.HubClient;
import uk.gov.safeguarding.hub.web.ApiProblem;

import java.time.OffsetDateTime;

/**
 * {@code POST /api/v1/notifications/{id}/acknowledgements}: a national agency acknowledges for itself only, a
 * partnership as the PARTNERSHIP of its own authorities' notifications only (SPEC §9).
 */
@RestController
class AcknowledgementApi {

    private final Acknowledgements acknowledgements;
    private final NotificationAccess queries;

    AcknowledgementApi(Acknowledgements acknowledgements, NotificationAccess queries) {
        this.acknowledgements = acknowledgements;
        this.queries = queries;
    }

    @PostMapping(path = "/api/v1/notifications/{id}/acknowledgements", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Acknowledged acknowledge(@AuthenticationPrincipal HubClient client, @PathVariable String id,
                             @Valid @RequestBody AcknowledgementRequest request) {
        boolean acknowledgesForItself = request.recipient() == Recipient.PARTNERSHIP
                ? client.role() == ClientRole.PARTNERSHIP
                : client.isAgencyFor(request.recipient().name());
        if (!acknowledgesForItself) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Not this recipient",
                    "An agency or partnership key acknowledges only for its own agency or partnership; nothing was recorded");
        }
        NotificationRepository.StoredNotification notification = queries.visibleTo(id, client);
        return new Acknowledged(notification.id(), request.recipient(),
                acknowledgements.acknowledge(notification.id(), request.recipient(), client.name(), "API"));
    }

    record AcknowledgementRequest(@NotNull Recipient recipient) {
    }

    record Acknowledged(String notificationId, Recipient recipient, OffsetDateTime acknowledgedAt) {
    }
}
