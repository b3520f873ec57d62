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
import uk.gov.safeguarding.hub.clock.ClockState;
import uk.gov.safeguarding.hub.security.HubClient;

/** Reading a notification's case file, and the open clocks, within what the caller may read. */
@RestController
@RequestMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseFileController {

    private final CaseFiles caseFiles;

    CaseFileController(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    /** The notifications the caller may read, newest first, a page at a time. */
    @GetMapping
    NotificationList list(@AuthenticationPrincipal HubClient client,
                          @RequestParam(required = false) String authority,
                          @RequestParam(required = false) ClockState state,
                          @RequestParam(defaultValue = "false") boolean overdue,
                          @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return caseFiles.list(client, authority, state == null ? null : state.name(), overdue, page, size);
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
