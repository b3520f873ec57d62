package uk.gov.safeguarding.hub.notification;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.gov.safeguarding.hub.database.TimeOrderedIds;
import uk.gov.safeguarding.hub.audit.AuditEvent;
import uk.gov.safeguarding.hub.audit.AuditTrail;
import uk.gov.safeguarding.hub.clock.ClockRepository;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.clock.StatutoryClocks;
import uk.gov.safeguarding.hub.database.GroupCommit;
import uk.gov.safeguarding.hub.routing.IncidentFacts;
import uk.gov.safeguarding.hub.routing.Recipient;
import uk.gov.safeguarding.hub.routing.AuthorityRegister;
import uk.gov.safeguarding.hub.routing.RoutingDecision;
import uk.gov.safeguarding.hub.routing.StatutoryRouting;
import uk.gov.safeguarding.hub.security.HubClient;
import uk.gov.safeguarding.hub.web.ApiProblem;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Intake: checks a notification, routes it by statute and stores it with its NOTIFICATION clock in one transaction,
 * in which its acceptance is announced ({@link NotificationEvents.Accepted}) so that its deliveries are planned too.
 * The outbox relay hands the deliveries to the broker after commit.
 */
@Service
public class NotificationService {

    private final StatutoryRouting routing;
    private final AuthorityRegister authorities;
    private final NotificationRepository notifications;
    private final ApplicationEventPublisher events;
    private final ClockRepository clocks;
    private final StatutoryClocks statutoryClocks;
    private final AuditTrail audit;
    private final GroupCommit commits;
    private final Clock clock;
    private final ObjectMapper canonicalJson;

    NotificationService(StatutoryRouting routing, AuthorityRegister authorities, NotificationRepository notifications,
                        ApplicationEventPublisher events, ClockRepository clocks, StatutoryClocks statutoryClocks,
                        AuditTrail audit, GroupCommit commits, Clock clock, ObjectMapper mapper) {
        this.routing = routing;
        this.authorities = authorities;
        this.notifications = notifications;
        this.events = events;
        this.clocks = clocks;
        this.statutoryClocks = statutoryClocks;
        this.audit = audit;
        this.commits = commits;
        this.clock = clock;
        this.canonicalJson = mapper.copy()
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    public Submission submit(NotificationRequest request, HubClient client) {
        if (!authorities.registered(request.localAuthority())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Local authority not served",
                    "This hub does not serve local authority " + request.localAuthority() + "; nothing was stored",
                    List.of(new ApiProblem.FieldError("localAuthority", "not a local authority registered with this hub")));
        }
        if (!client.isTrustFor(request.localAuthority())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Wrong local authority",
                    "This API key may only notify for its own local authority; nothing was stored");
        }
        List<ApiProblem.FieldError> dateErrors = DateSanity.check(request, statutoryClocks.today());
        if (!dateErrors.isEmpty()) {
            throw ApiProblem.invalid(dateErrors);
        }
        RoutingDecision decision = routing.route(facts(request));
        if (!decision.notifiable()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Not notifiable",
                    "This incident meets neither notification duty, so nothing was stored. "
                            + String.join(" ", decision.refusalReasons()),
                    decision.refusalReasons().stream().map(r -> new ApiProblem.FieldError("incident", r)).toList());
        }
        String sha256 = sha256(request);
        // stored unless the reference is already used, which is then looked up: a repeat is rare, and a look-up
        // first would cost every intake a query
        Optional<Submission> stored;
        try {
            stored = commits.execute(tx -> store(request, client, decision, sha256));
        } catch (DuplicateKeyException raced) {
            // stored at the same moment by another request, which the database did not let this one wait for
            stored = Optional.empty();
        }
        return stored.orElseGet(() -> repeat(notifications.findByReference(request.localAuthority(), request.trustReference())
                .orElseThrow(() -> new IllegalStateException("Reference " + request.trustReference()
                        + " was refused as already used but is not stored")), sha256));
    }

    /** The stored notification's answer, or empty when the reference was already used (and nothing was stored). */
    private Optional<Submission> store(NotificationRequest request, HubClient client, RoutingDecision decision,
                                       String sha256) {
        String id = TimeOrderedIds.next();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate awareOn = request.incident().awareOn();
        boolean late = statutoryClocks.hasClosed(ClockType.NOTIFICATION, awareOn);
        if (!notifications.insertUnlessReferenceUsed(id, request, sha256, late, now, client.name(), decision.recipients())) {
            return Optional.empty();
        }
        audit.record(id, AuditEvent.RECEIVED, client.name(), "trustReference " + request.trustReference()
                + ", " + request.incident().type() + (late ? ", after its NOTIFICATION deadline (late)" : ""));
        LocalDate deadline = statutoryClocks.startForNewNotification(id, request.localAuthority(), ClockType.NOTIFICATION,
                awareOn, client.name());
        events.publishEvent(new NotificationEvents.Accepted(id, request.localAuthority(), decision.recipients(), now));
        audit.record(id, AuditEvent.ROUTED, AuditTrail.HUB, decision.recipients().stream().sorted().toList()
                + " under: " + String.join("; ", decision.rulesApplied()));
        // answered from what was just stored: reading it back would cost three queries per notification
        return Optional.of(new Submission(id, "ACCEPTED", late, decision.recipients().stream().sorted().toList(),
                Map.of(ClockType.NOTIFICATION.name(), deadline), true));
    }

    private Submission repeat(NotificationRepository.StoredReference existing, String sha256) {
        if (!existing.requestSha256().equals(sha256)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "Reference already used",
                    "This trustReference was already notified with different content (notification "
                            + existing.id() + "); nothing was changed. Use a new trustReference for a new incident.");
        }
        NotificationRepository.StoredNotification stored = notifications.find(existing.id()).orElseThrow();
        Map<String, LocalDate> deadlines = new LinkedHashMap<>();
        clocks.forNotification(stored.id()).forEach(c -> deadlines.put(c.clock().name(), c.deadline()));
        return new Submission(stored.id(), "ACCEPTED", stored.late(), stored.recipients(), deadlines, false);
    }

    private static IncidentFacts facts(NotificationRequest request) {
        NotificationRequest.Incident incident = request.incident();
        return new IncidentFacts(
                incident.type() == NotificationRequest.IncidentType.DEATH,
                incident.abuseOrNeglect() != NotificationRequest.AbuseOrNeglect.NOT_SUSPECTED,
                request.children().stream().anyMatch(c -> c.legalStatus() == NotificationRequest.LegalStatus.LOOKED_AFTER));
    }

    private String sha256(NotificationRequest request) {
        try {
            byte[] canonical = canonicalJson.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not fingerprint a notification", e);
        }
    }

    /** The answer to an intake: 202 when {@code created}, 200 for a repeat of the same notification. */
    public record Submission(String id, String status, boolean late, List<Recipient> recipients,
                             Map<String, LocalDate> deadlines, @JsonIgnore boolean created) {
    }
}
