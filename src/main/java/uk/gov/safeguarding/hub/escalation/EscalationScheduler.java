package uk.gov.safeguarding.hub.escalation;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.gov.safeguarding.hub.clock.ClockEvents;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a clock's rungs when it starts, cancels them when it is met, and on each tick of the
 * {@code escalation-scheduler} route claims the rungs that have fallen due, for that route to put on the broker.
 */
@Component("escalationScheduler")
public class EscalationScheduler {

    private final EscalationLadders ladders;
    private final EscalationRepository escalations;
    private final EscalationProperties properties;
    private final Clock clock;

    EscalationScheduler(EscalationLadders ladders, EscalationRepository escalations, EscalationProperties properties,
                        Clock clock) {
        this.ladders = ladders;
        this.escalations = escalations;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void clockStarted(ClockEvents.Started started) {
        escalations.scheduleAll(ladders.plan(started.clock(), started.deadline()).stream()
                .map(planned -> new EscalationRepository.Scheduled(
                        new EscalationKey(started.notificationId(), started.clock(), planned.rung().id()),
                        planned.dueAt().toOffsetDateTime(), ladders.emails(planned.rung(), started.localAuthority())))
                .toList());
    }

    @EventListener
    void clockMet(ClockEvents.Met met) {
        escalations.cancelAll(met.notificationId(), met.clock());
    }

    @EventListener
    void clockPaused(ClockEvents.Paused paused) {
        escalations.pauseAll(paused.notificationId(), paused.clock());
    }

    /** The held rungs fall due again from the resumed clock's new deadline; a rung that already fired stays fired. */
    @EventListener
    void clockResumed(ClockEvents.Resumed resumed) {
        for (EscalationLadders.PlannedRung planned : ladders.plan(resumed.clock(), resumed.deadline())) {
            EscalationKey key = new EscalationKey(resumed.notificationId(), resumed.clock(), planned.rung().id());
            if (!escalations.reschedule(key, planned.dueAt().toOffsetDateTime())) {
                escalations.schedule(key, planned.dueAt().toOffsetDateTime(),
                        ladders.emails(planned.rung(), resumed.localAuthority()));
            }
        }
    }

    /**
     * Claims every rung due now that this instance wins, as escalation keys to publish. Of several rungs of one
     * clock due together only the highest is claimed; the rest are skipped. Rungs another instance claimed but
     * never published (it died) are taken over after {@code hub.escalation.stale-claim-after}.
     */
    public List<String> claimDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, List<EscalationRepository.Row>> dueByClock = new LinkedHashMap<>();
        for (EscalationRepository.Row row : escalations.scheduledDueBy(now)) {
            dueByClock.computeIfAbsent(row.key().notificationId() + "|" + row.key().clock(), k -> new ArrayList<>()).add(row);
        }
        List<String> claimed = new ArrayList<>();
        for (List<EscalationRepository.Row> due : dueByClock.values()) {
            LateStartPolicy.Choice<EscalationRepository.Row> choice = LateStartPolicy.choose(due, EscalationRepository.Row::dueAt);
            choice.skip().forEach(row -> escalations.skip(row.key()));
            if (escalations.claim(choice.fire().key(), now)) {
                claimed.add(choice.fire().key().toString());
            }
        }
        for (EscalationRepository.Row stale : escalations.claimedButNotPublishedBefore(now.minus(properties.staleClaimAfter()))) {
            if (escalations.reclaim(stale.key(), stale.claimedAt(), now)) {
                claimed.add(stale.key().toString());
            }
        }
        return claimed;
    }

    public void markPublished(String key) {
        escalations.markPublished(EscalationKey.parse(key), OffsetDateTime.now(clock));
    }
}
