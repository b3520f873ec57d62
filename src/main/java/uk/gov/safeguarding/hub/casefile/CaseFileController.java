package uk.gov.safeguarding.hub.casefile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.safeguarding.hub.security.HubClient;

/** Reading a notification's case file, and the open clocks, within what the caller may read. */
@RestController
@RequestMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseFileController {

    private final CaseFiles caseFiles;

    CaseFileController(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    /** What is overdue and what falls due next, for every caller within what it may read. */
    @GetMapping("/open-clocks")
    OpenClocksView openClocks(@AuthenticationPrincipal HubClient client,
                              @RequestParam(defaultValue = "false") boolean overdue,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return caseFiles.openClocks(client, overdue, limit);
    }

    @GetMapping("/{id}")
    NotificationView get(@AuthenticationPrincipal HubClient client, @PathVariable String id) {
        return caseFiles.view(id, client);
    }
}
