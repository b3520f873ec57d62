package uk.gov.safeguarding.hub.console;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.gov.safeguarding.hub.clock.StatutoryDeadlines;
import uk.gov.safeguarding.hub.deadletter.DeadLetterOperations;
import uk.gov.safeguarding.hub.escalation.EscalationHistory;
import uk.gov.safeguarding.hub.casefile.CaseFiles;
import uk.gov.safeguarding.hub.security.ClientRole;
import uk.gov.safeguarding.hub.security.HubClient;
import uk.gov.safeguarding.hub.web.ApiProblem;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The operations console (SPEC §6): dead letters with retry and discard, open notifications by nearest
 * deadline, recent escalations. Server-rendered, no script, the same operations as the API.
 */
@Controller
@Validated
class ConsoleController {

    private static final int OPEN_CLOCKS_SHOWN = 100;
    private static final int ESCALATIONS_SHOWN = 30;
    private static final String RETRY_BATCH = "console.retry-batch.";

    private final DeadLetterOperations deadLetters;
    private final CaseFiles notifications;
    private final EscalationHistory escalations;

    ConsoleController(DeadLetterOperations deadLetters, CaseFiles notifications, EscalationHistory escalations) {
        this.deadLetters = deadLetters;
        this.notifications = notifications;
        this.escalations = escalations;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/console")
    String console(Principal user, Model model) {
        model.addAttribute("deadLetters", deadLetters.overview());
        model.addAttribute("openClocks", notifications.openClocks(
                new HubClient(actor(user), ClientRole.OPERATIONS, Set.of("ALL")), false, OPEN_CLOCKS_SHOWN));
        model.addAttribute("escalations", escalations.recentlyFired(ESCALATIONS_SHOWN));
        model.addAttribute("london", StatutoryDeadlines.LONDON);
        return "console";
    }

    @PostMapping("/console/dead-letters/{id}/retry")
    String retry(@PathVariable String id, Principal user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", deadLetters.retry(id, actor(user)).isPresent()
                ? "Dead letter " + id + " was put back on its queue."
                : "Dead letter " + id + " had already left the queue.");
        return "redirect:/console";
    }

    /**
     * Retries a group as it stands, then shows the progress of what went back: the batch is kept in the operator's
     * session (the console is session-based already), so any refresh of the progress page reads the states afresh.
     */
    @PostMapping("/console/dead-letters/retry")
    String retryGroup(@RequestParam @NotBlank @Size(max = 2000) String group, Principal user, HttpSession session,
                      RedirectAttributes redirect) {
        DeadLetterOperations.GroupRetry result;
        try {
            result = deadLetters.retryGroup(group, actor(user));
        } catch (ApiProblem gone) {
            redirect.addFlashAttribute("message", "That group is empty now; nothing was retried.");
            return "redirect:/console";
        }
        String batch = UUID.randomUUID().toString();
        session.setAttribute(RETRY_BATCH + batch, new ArrayList<>(result.work()));
        redirect.addFlashAttribute("message", result.retried().size() + " of " + result.requested()
                + " put back on their queues"
                + (result.alreadyGone().isEmpty() ? "." : "; " + result.alreadyGone().size() + " had already left."));
        return "redirect:/console/retries/" + batch;
    }

    @GetMapping("/console/retries/{batch}")
    String retryProgress(@PathVariable String batch, HttpSession session, Model model, RedirectAttributes redirect) {
        if (!(session.getAttribute(RETRY_BATCH + batch) instanceof List<?> stored)) {
            redirect.addFlashAttribute("message", "That retry's progress is no longer available; the dead letters are below.");
            return "redirect:/console";
        }
        List<DeadLetterOperations.Progress> progress = deadLetters.progress(stored.stream()
                .map(DeadLetterOperations.RetriedWork.class::cast).toList());
        long waiting = progress.stream().filter(DeadLetterOperations.Progress::waiting).count();
        model.addAttribute("progress", progress);
        model.addAttribute("waiting", waiting);
        if (waiting > 0) {
            model.addAttribute("refreshEverySeconds", 3);
        }
        model.addAttribute("states", progress.stream().filter(p -> p.now() != null)
                .collect(Collectors.groupingBy(p -> p.now().state(), TreeMap::new, Collectors.counting())));
        return "retry-progress";
    }

    @PostMapping("/console/dead-letters/{id}/discard")
    String discard(@PathVariable String id, @RequestParam @NotBlank @Size(max = 500) String reason, Principal user,
                   RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", deadLetters.discard(id, reason, actor(user)).isPresent()
                ? "Dead letter " + id + " was discarded."
                : "Dead letter " + id + " had already left the queue.");
        return "redirect:/console";
    }

    private static String actor(Principal user) {
        return "console:" + user.getName();
    }
}
