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
import uk.gov.safeguarding.hub.notification.NotificationQueries;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.routing.Recipient;
import uk.gov.safeguarding.hub.security.HubClient;
import uk.gov.safeguarding.hub.web.ApiProblem;

import java.time.OffsetDateTime;

/** {@code POST /api/v1/notifications/{id}/acknowledgements}: an agency acknowledges for itself only. */
@RestController
class AcknowledgementApi {

    private final Acknowledgements acknowledgements;
    private final NotificationQueries queries;

    AcknowledgementApi(Acknowledgements acknowledgements, NotificationQueries queries) {
        this.acknowledgements = acknowledgements;
        this.queries = queries;
    }

    @PostMapping(path = "/api/v1/notifications/{id}/acknowledgements", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Acknowledged acknowledge(@AuthenticationPrincipal HubClient client, @PathVariable String id,
                             @Valid @RequestBody AcknowledgementRequest request) {
        if (!client.isAgency() || !client.scope().equals(request.recipient().name())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Not this agency",
                    "An agency key acknowledges only for its own agency; nothing was recorded");
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
