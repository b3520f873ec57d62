package uk.gov.safeguarding.hub.deadletter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.safeguarding.hub.security.HubClient;
import uk.gov.safeguarding.hub.web.ApiProblem;


/** The dead-letter API of SPEC §6, for operations keys only (see the security configuration). */
@RestController
@RequestMapping(path = "/api/v1/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
class DeadLetterController {

    private final DeadLetterOperations operations;

    DeadLetterController(DeadLetterOperations operations) {
        this.operations = operations;
    }

    @GetMapping
    DeadLetterOperations.Overview list() {
        return operations.overview();
    }

    @GetMapping("/{id}")
    DeadLetter get(@PathVariable String id) {
        return operations.find(id).orElseThrow(() -> ApiProblem.notFound("Dead letter " + id));
    }

    @PostMapping("/{id}/retry")
    DeadLetter retry(@AuthenticationPrincipal HubClient client, @PathVariable String id) {
        return operations.retry(id, client.name()).orElseThrow(() -> ApiProblem.notFound("Dead letter " + id));
    }

    @PostMapping(path = "/retry", consumes = MediaType.APPLICATION_JSON_VALUE)
    DeadLetterOperations.GroupRetry retryGroup(@AuthenticationPrincipal HubClient client,
                                               @Valid @RequestBody GroupRequest request) {
        return operations.retryGroup(request.group(), client.name());
    }

    @PostMapping(path = "/{id}/discard", consumes = MediaType.APPLICATION_JSON_VALUE)
    DeadLetter discard(@AuthenticationPrincipal HubClient client, @PathVariable String id,
                       @Valid @RequestBody DiscardRequest request) {
        return operations.discard(id, request.reason(), client.name())
                .orElseThrow(() -> ApiProblem.notFound("Dead letter " + id));
    }

    record GroupRequest(@NotBlank @Size(max = 2000) String group) {
    }

    record DiscardRequest(@NotBlank @Size(max = 500) String reason) {
    }

}
