package uk.gov.safeguarding.hub.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.safeguarding.hub.notification.NotificationAccess;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.routing.Recipient;
import uk.gov.safeguarding.hub.security.HubClient;
import uk.gov.safeguarding.hub.web.ApiProblem;

import java.time.LocalDate;

/**
 * The review stage of a notification (SPEC §11): its authority's Trust or partnership records the rapid review,
 * the publication plan, embargoes and the publication; the National Panel records its response. Anyone who may read
 * the notification may read its review stage.
 */
@RestController
@RequestMapping(path = "/api/v1/notifications/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class ReviewController {

    private final ReviewService reviews;
    private final NotificationAccess queries;

    ReviewController(ReviewService reviews, NotificationAccess queries) {
        this.reviews = reviews;
        this.queries = queries;
    }

    @GetMapping("/review")
    ReviewStageView review(@AuthenticationPrincipal HubClient client, @PathVariable String id) {
        return reviews.view(queries.visibleTo(id, client));
    }

    @PostMapping(path = "/rapid-review", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewStageView rapidReview(@AuthenticationPrincipal HubClient client, @PathVariable String id,
                                @Valid @RequestBody RapidReviewRequest request) {
        return reviews.recordRapidReview(ownNotification(client, id), request.decidedOn(), request.decision(), client.name());
    }

    @PostMapping(path = "/panel-response", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewStageView panelResponse(@AuthenticationPrincipal HubClient client, @PathVariable String id,
                                  @Valid @RequestBody PanelResponseRequest request) {
        if (!client.isAgencyFor(Recipient.NATIONAL_PANEL.name())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "National Panel key required",
                    "Only the Child Safeguarding Practice Review Panel records its response; nothing was recorded");
        }
        return reviews.recordPanelResponse(queries.visibleTo(id, client), request.respondedOn(), request.concurs(),
                request.comment(), client.name());
    }

    @PostMapping(path = "/publication-plan", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewStageView publicationPlan(@AuthenticationPrincipal HubClient client, @PathVariable String id,
                                    @Valid @RequestBody PublicationPlanRequest request) {
        return reviews.recordPublicationPlan(ownNotification(client, id), request.plannedOn(), client.name());
    }

    @PostMapping(path = "/publication-embargo", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewStageView embargo(@AuthenticationPrincipal HubClient client, @PathVariable String id,
                            @Valid @RequestBody EmbargoRequest request) {
        return reviews.embargo(ownNotification(client, id), request.since(), request.reason(), request.detail(),
                client.name());
    }

    @PostMapping(path = "/publication-embargo/lift", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewStageView liftEmbargo(@AuthenticationPrincipal HubClient client, @PathVariable String id,
                                @Valid @RequestBody EmbargoLiftRequest request) {
        return reviews.liftEmbargo(ownNotification(client, id), request.liftedOn(), client.name());
    }

    @PostMapping(path = "/publication", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewStageView publication(@AuthenticationPrincipal HubClient client, @PathVariable String id,
                                @Valid @RequestBody PublicationRequest request) {
        return reviews.recordPublication(ownNotification(client, id), request.publishedOn(), client.name());
    }

    private NotificationRepository.StoredNotification ownNotification(HubClient client, String id) {
        NotificationRepository.StoredNotification n = queries.visibleTo(id, client);
        if (!client.actsForAuthority(n.localAuthority())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Trust or partnership key required",
                    "Only the authority's Trust or safeguarding partnership records this step of the review stage; "
                            + "nothing was recorded");
        }
        return n;
    }

    record RapidReviewRequest(@NotNull LocalDate decidedOn, @NotNull ReviewService.Decision decision) {
    }

    record PanelResponseRequest(@NotNull LocalDate respondedOn, @NotNull Boolean concurs,
                                @Size(max = 2000) String comment) {
    }

    record PublicationPlanRequest(@NotNull LocalDate plannedOn) {
    }

    record EmbargoRequest(@NotNull LocalDate since, @NotNull EmbargoReason reason,
                          @Size(max = 2000) String detail) {
    }

    record EmbargoLiftRequest(@NotNull LocalDate liftedOn) {
    }

    record PublicationRequest(@NotNull LocalDate publishedOn) {
    }
}
