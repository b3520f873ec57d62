package uk.gov.safeguarding.hub.report;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.safeguarding.hub.routing.AuthorityRegister;
import uk.gov.safeguarding.hub.security.HubClient;
import uk.gov.safeguarding.hub.web.ApiProblem;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The statutory figures (SPEC §11) as JSON or, with {@code Accept: text/csv}, as CSV: a Trust or partnership reads
 * its own authorities' figures, operations any authority's or all; another authority is 404, an agency 403.
 */
@RestController
class StatutoryReportController {

    static final String CSV = "text/csv";
    private final StatutoryFigures figures;
    private final AuthorityRegister authorities;

    StatutoryReportController(StatutoryFigures figures, AuthorityRegister authorities) {
        this.figures = figures;
        this.authorities = authorities;
    }

    @GetMapping(path = "/api/v1/reports/statutory", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    ResponseEntity<?> statutory(@AuthenticationPrincipal HubClient client,
                                @RequestParam(required = false) String authority,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (client.isAgency()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Trust, partnership or operations key required",
                    "The statutory figures are the partnership's; an agency key cannot read them");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.invalid(List.of(new ApiProblem.FieldError("from", "must not be after to (" + to + ")")));
        }
        Set<String> counted = counted(client, authority);
        StatutoryReport report = new StatutoryReport(authority, authority == null ? null : authorities.label(authority),
                from, to, figures.byFinancialYear(counted, from, to));
        if (accept != null && accept.contains(CSV)) {
            String filename = "statutory-figures" + (authority == null ? "" : "-" + authority) + ".csv";
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                    .body(report.csv());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    /** The authorities counted: the one asked for, within the caller's scope; without one, all the caller may read. */
    private Set<String> counted(HubClient client, String authority) {
        if (authority != null) {
            boolean inScope = client.isOperations() ? authorities.registered(authority) : client.actsForAuthority(authority);
            if (!inScope) {
                throw ApiProblem.notFound("Local authority " + authority);
            }
            return Set.of(authority);
        }
        return client.isOperations() ? null : client.authorities();
    }
}
