package uk.gov.safeguarding.hub.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import uk.gov.safeguarding.hub.security.ClientRole;
import uk.gov.safeguarding.hub.security.HubClient;
import uk.gov.safeguarding.hub.web.ApiProblem;

import org.springframework.http.HttpStatus;

import java.net.URI;

@RestController
@RequestMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
class NotificationController {

    private final NotificationService intake;
    private final NotificationQueries queries;

    NotificationController(NotificationService intake, NotificationQueries queries) {
        this.intake = intake;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NotificationService.Submission> submit(@AuthenticationPrincipal HubClient client,
                                                          @Valid @RequestBody NotificationRequest request) {
        if (client.role() != ClientRole.TRUST) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Trust key required", "Only a Trust key may post notifications");
        }
        NotificationService.Submission submission = intake.submit(request, client);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(submission.id()).toUri();
        return (submission.created() ? ResponseEntity.accepted() : ResponseEntity.ok()).location(location).body(submission);
    }

    /** What is overdue and what falls due next, for every caller within what it may read. */
    @GetMapping("/open-clocks")
    OpenClocksView openClocks(@AuthenticationPrincipal HubClient client,
                              @RequestParam(defaultValue = "false") boolean overdue,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return queries.openClocks(client, overdue, limit);
    }

    @GetMapping("/{id}")
    NotificationView get(@AuthenticationPrincipal HubClient client, @PathVariable String id) {
        return queries.view(id, client);
    }
}
