package uk.gov.safeguarding.hub.report;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.safeguarding.hub.security.HubClient;

import java.time.LocalDate;

/**
 * The statutory figures (SPEC §11) as JSON or, with {@code Accept: text/csv}, as CSV, within the caller's scope
 * ({@link StatutoryReports}).
 */
@RestController
class StatutoryReportController {

    static final String CSV = "text/csv";
    private final StatutoryReports reports;

    StatutoryReportController(StatutoryReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/api/v1/reports/statutory", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    ResponseEntity<?> statutory(@AuthenticationPrincipal HubClient client,
                                @RequestParam(required = false) String authority,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        StatutoryReport report = reports.report(client, authority, from, to);
        if (accept != null && accept.contains(CSV)) {
            return csv(report);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    static ResponseEntity<String> csv(StatutoryReport report) {
        String filename = "statutory-figures" + (report.authority() == null ? "" : "-" + report.authority()) + ".csv";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(report.csv());
    }
}
