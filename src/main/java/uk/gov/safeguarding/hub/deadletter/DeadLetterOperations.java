package uk.gov.safeguarding.hub.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.gov.safeguarding.hub.broker.DeadLetterListener;
import uk.gov.safeguarding.hub.broker.DeadLetterRecorder;
import uk.gov.safeguarding.hub.web.ApiProblem;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What operations do with dead letters, shared by the API and the console. */
@Service
public class DeadLetterOperations {

    private final DeadLetterQueue queue;
    private final DeadLetterRecorder features;
    private final MeterRegistry meters;

    DeadLetterOperations(DeadLetterQueue queue, DeadLetterRecorder features, MeterRegistry meters) {
        this.queue = queue;
        this.features = features;
        this.meters = meters;
    }

    public Overview overview() {
        List<DeadLetter> items = queue.list();
        return new Overview(items.size(), DeadLetterGroups.group(items), DeadLetterGroups.byCause(items),
                DeadLetterGroups.byRecipientAndChannel(items), items);
    }

    public Optional<DeadLetter> find(String id) {
        return queue.find(id);
    }

    /** Puts a dead letter back to work; one that is not work of the hub is refused (409) by the queue itself. */
    public Optional<DeadLetter> retry(String id, String actor) {
        return counted(queue.retry(id, actor), "retried");
    }

    /** Retries the members of a group as it stands now; failures that arrive later are not swept in. */
    public GroupRetry retryGroup(String groupKey, String actor) {
        List<String> members = DeadLetterGroups.group(queue.list()).stream()
                .filter(g -> g.key().equals(groupKey))
                .findFirst()
                .map(DeadLetterGroups.Group::ids)
                .orElseThrow(() -> ApiProblem.notFound("Dead-letter group '" + groupKey + "'"));
        List<String> retried = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        List<RetriedWork> work = new ArrayList<>();
        for (String id : members) {
            Optional<DeadLetter> putBack;
            try {
                putBack = counted(queue.retry(id, actor), "retried");
            } catch (ApiProblem notWorkOfTheHub) {
                putBack = Optional.empty();
            }
            putBack.ifPresentOrElse(d -> {
                retried.add(id);
                work.add(new RetriedWork(d.kind(), d.subjectId()));
            }, () -> gone.add(id));
        }
        return new GroupRetry(groupKey, members.size(), retried, gone, work);
    }

    /** Where work put back by a retry stands now: still waiting for an attempt, made, or failed again. */
    public List<Progress> progress(List<RetriedWork> work) {
        return work.stream().map(w -> new Progress(w, features.listenerFor(w.kind()).describe(w.subjectId())
                .orElse(null))).toList();
    }

    public Optional<DeadLetter> discard(String id, String reason, String actor) {
        refuseUnknownKind(id);
        return counted(queue.discard(id, reason, actor), "discarded");
    }

    private Optional<DeadLetter> counted(Optional<DeadLetter> handled, String action) {
        handled.ifPresent(d -> meters.counter("hub.dead.letter.actions", "action", action, "kind", d.kind()).increment());
        return handled;
    }

    private void refuseUnknownKind(String id) {
        queue.find(id).filter(d -> DeadLetterQueue.UNKNOWN_KIND.equals(d.kind())).ifPresent(d -> {
            throw new ApiProblem(HttpStatus.CONFLICT, "Unknown dead letter",
                    "This message did not come from a hub queue, so the hub cannot put it back; nothing was changed");
        });
    }

    public record Overview(int total, List<DeadLetterGroups.Group> groups, List<DeadLetterGroups.Group> byCause,
                           List<DeadLetterGroups.Group> byRecipientAndChannel, List<DeadLetter> items) {
    }

    /** The outcome of a group retry: how many it covered, which went back to work, which had already left. */
    public record GroupRetry(String group, int requested, List<String> retried, List<String> alreadyGone,
                             List<RetriedWork> work) {
    }

    /** A delivery or escalation rung that a retry put back on its queue. */
    public record RetriedWork(String kind, String subjectId) implements Serializable {
    }

    /** @param now the work's state now; null when its subject no longer exists */
    public record Progress(RetriedWork work, DeadLetterListener.Subject now) {

        public boolean waiting() {
            return now != null && now.waiting();
        }
    }
}
