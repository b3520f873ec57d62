package uk.gov.safeguarding.hub.casefile;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.gov.safeguarding.hub.Labels;
import uk.gov.safeguarding.hub.acknowledgement.Acknowledgements;
import uk.gov.safeguarding.hub.clock.ClockState;
import uk.gov.safeguarding.hub.clock.StatutoryClocks;
import uk.gov.safeguarding.hub.clock.WorkingDayCalendar;
import uk.gov.safeguarding.hub.notification.NotificationAccess;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.routing.AuthorityRegister;
import uk.gov.safeguarding.hub.routing.Recipient;
import uk.gov.safeguarding.hub.security.ClientRole;
import uk.gov.safeguarding.hub.security.HubClient;
import uk.gov.safeguarding.hub.security.HubUser;
import uk.gov.safeguarding.hub.web.ApiProblem;
import uk.gov.safeguarding.hub.web.Page;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages for people (SPEC §10): the notifications in scope, one case, the open clocks. Each shows what the
 * signed-in user's role and scope allow, through the same queries as the API.
 */
@Controller
@Page
class CaseFilePages {

    static final int PAGE_SIZE = 25;

    private final CaseFiles caseFiles;
    private final NotificationAccess access;
    private final NotificationRepository notifications;
    private final Acknowledgements acknowledgements;
    private final StatutoryClocks clocks;
    private final WorkingDayCalendar calendar;
    private final AuthorityRegister authorities;

    CaseFilePages(CaseFiles caseFiles, NotificationAccess access, NotificationRepository notifications,
                  Acknowledgements acknowledgements, StatutoryClocks clocks, WorkingDayCalendar calendar,
                  AuthorityRegister authorities) {
        this.caseFiles = caseFiles;
        this.access = access;
        this.notifications = notifications;
        this.acknowledgements = acknowledgements;
        this.clocks = clocks;
        this.calendar = calendar;
        this.authorities = authorities;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) String authority,
                @RequestParam(required = false) ClockState state, @RequestParam(defaultValue = "false") boolean overdue,
                @RequestParam(defaultValue = "0") int page, Model model) {
        HubClient client = user.client();
        String chosenAuthority = authority == null || authority.isBlank() ? null : authority;
        model.addAttribute("list", caseFiles.list(client, chosenAuthority, state == null ? null : state.name(), overdue,
                Math.max(0, page), PAGE_SIZE));
        model.addAttribute("authorities", authorityChoices(client));
        model.addAttribute("authority", chosenAuthority);
        model.addAttribute("state", state);
        model.addAttribute("states", ClockState.values());
        model.addAttribute("overdue", overdue);
        return withUser(model, user, "notifications");
    }

    @GetMapping("/notifications/{id}")
    String notification(@AuthenticationPrincipal HubUser user, @PathVariable String id, Model model) {
        HubClient client = user.client();
        NotificationView view = caseFiles.view(id, client);
        LocalDate today = clocks.today();
        Map<String, Integer> workingDaysLeft = new LinkedHashMap<>();
        view.clocks().stream().filter(c -> c.metAt() == null)
                .forEach(c -> workingDaysLeft.put(c.clock(), calendar.workingDaysBetween(today, c.deadline())));
        model.addAttribute("case", view);
        model.addAttribute("children", notifications.children(id));
        model.addAttribute("workingDaysLeft", workingDaysLeft);
        acknowledgeAs(client, view).ifPresent(recipient -> {
            var acknowledged = notifications.acknowledgements(id).get(recipient);
            if (acknowledged == null) {
                model.addAttribute("acknowledgeAs", recipient.name());
            } else {
                model.addAttribute("acknowledgedAt", Labels.when(acknowledged));
            }
        });
        model.addAttribute("labels", new PageLabels());
        return withUser(model, user, "notification");
    }

    /** An agency or partnership user acknowledges for their own organisation; a second click changes nothing. */
    @PostMapping("/notifications/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal HubUser user, @PathVariable String id, RedirectAttributes redirect) {
        HubClient client = user.client();
        NotificationRepository.StoredNotification n = access.visibleTo(id, client);
        Recipient recipient = acknowledgeAs(client, caseFiles.view(n.id(), client)).orElseThrow(() ->
                new ApiProblem(org.springframework.http.HttpStatus.FORBIDDEN, "Not a recipient",
                        "Only a recipient of this notification acknowledges it; nothing was recorded"));
        var at = acknowledgements.acknowledge(n.id(), recipient, "user:" + client.name(), "page");
        redirect.addFlashAttribute("message", "Acknowledged on " + Labels.when(at) + ".");
        return "redirect:/notifications/" + n.id();
    }

    @GetMapping("/clocks")
    String clocks(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "false") boolean overdue,
                  Model model) {
        model.addAttribute("openClocks", caseFiles.openClocks(user.client(), overdue, 500));
        model.addAttribute("overdue", overdue);
        return withUser(model, user, "clocks");
    }

    /** The recipient a user may acknowledge for on this case: their agency, or their authority's partnership. */
    private static Optional<Recipient> acknowledgeAs(HubClient client, NotificationView view) {
        Recipient recipient;
        if (client.role() == ClientRole.PARTNERSHIP && client.isPartnershipFor(view.localAuthority())) {
            recipient = Recipient.PARTNERSHIP;
        } else if (client.isAgency()) {
            recipient = Recipient.valueOf(client.scope().iterator().next());
        } else {
            return Optional.empty();
        }
        return view.recipients().contains(recipient) ? Optional.of(recipient) : Optional.empty();
    }

    private List<AuthorityRegister.Authority> authorityChoices(HubClient client) {
        return authorities.authorities().values().stream()
                .filter(a -> client.isOperations() || client.isAgency() || client.actsForAuthority(a.code()))
                .toList();
    }

    static String withUser(Model model, HubUser user, String template) {
        model.addAttribute("user", user.client());
        return template;
    }

    /** Words for codes on the case page. */
    static final class PageLabels {

        public String day(LocalDate date) {
            return date == null ? "" : Labels.day(date);
        }

        public String when(java.time.OffsetDateTime at) {
            return at == null ? "" : Labels.when(at);
        }

        public String incidentType(String type) {
            return Labels.incidentType(type);
        }
    }
}
