package uk.gov.safeguarding.hub.notification;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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

    NotificationController(NotificationService intake) {
        this.intake = intake;
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
}
