package uk.gov.safeguarding.hub.report;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.safeguarding.hub.security.HubUser;
import uk.gov.safeguarding.hub.web.Page;

import java.time.LocalDate;

/** The statutory figures as a page, with a chart drawn on the server (no script) and a CSV download (SPEC §10, §11). */
@Controller
@Page
class StatutoryReportPages {

    private final StatutoryReports reports;

    StatutoryReportPages(StatutoryReports reports) {
        this.reports = reports;
    }

    @GetMapping("/reports")
    String report(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) String authority,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  Model model) {
        String chosen = authority == null || authority.isBlank() ? null : authority;
        StatutoryReport report = reports.report(user.client(), chosen, from, to);
        model.addAttribute("user", user.client());
        model.addAttribute("report", report);
        model.addAttribute("chart", StatutoryChart.of(report.rows()));
        model.addAttribute("authorities", reports.choices(user.client()));
        model.addAttribute("authority", chosen);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "reports";
    }

    @GetMapping("/reports/statutory.csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) String authority,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        String chosen = authority == null || authority.isBlank() ? null : authority;
        return StatutoryReportController.csv(reports.report(user.client(), chosen, from, to));
    }
}
