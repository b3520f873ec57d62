package uk.gov.safeguarding.hub.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.safeguarding.hub.notification.NotificationQueries;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.security.HubClient;
import uk.gov.safeguarding.hub.web.ApiProblem;

import java.time.LocalDate;
import java.util.Map;

/** The Trust or partnership records the rapid-review outcome and the LCSPR publication of its authorities' notifications. */
@RestController
@RequestMapping(path = "/api/v1/notifications/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class ReviewController {

    private final ReviewService reviews;
    private final NotificationQueries queries;

    ReviewController(ReviewService reviews, NotificationQueries queries) {
        this.reviews = reviews;
        this.queries = queries;
    }

    @PostMapping("/rapid-review")
    Map<String, Object> rapidReview(@AuthenticationPrincipal HubClient client, @PathVariable String id,
                                    @Valid @RequestBody RapidReviewRequest request) {
        return reviews.recordRapidReview(ownNotification(client, id), request.decidedOn(), request.decision(), client.name());
    }

    @PostMapping("/publication")
    Map<String, Object> publication(@AuthenticationPrincipal HubClient client, @PathVariable String id,
                                    @Valid @RequestBody PublicationRequest request) {
        return reviews.recordPublication(ownNotification(client, id), request.publishedOn(), client.name());
    }

    private NotificationRepository.StoredNotification ownNotification(HubClient client, String id) {
        NotificationRepository.StoredNotification n = queries.visibleTo(id, client);
        if (!client.actsForAuthority(n.localAuthority())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Trust or partnership key required",
                    "Only the authority's Trust or safeguarding partnership records the rapid review and publication; "
                            + "nothing was recorded");
        }
        return n;
    }

    record RapidReviewRequest(@NotNull LocalDate decidedOn, @NotNull ReviewService.Decision decision) {
    }

    record PublicationRequest(@NotNull LocalDate publishedOn) {
    }
}
