package uk.gov.safeguarding.hub.acknowledgement;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import uk.gov.safeguarding.hub.clock.StatutoryDeadlines;
import uk.gov.safeguarding.hub.delivery.DeliveryRepository;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.routing.RecipientChannels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one-click acknowledgement link of an email (SPEC §4). GET shows what is being acknowledged and changes
 * nothing, because mail scanners open links; POST, from the page's Confirm button, records it. A tampered,
 * unknown or expired token gets a plain page explaining what to do, never a stack trace.
 */
@RestController
class AcknowledgementPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final AcknowledgementTokens tokens;
    private final DeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final Acknowledgements acknowledgements;
    private final RecipientChannels recipients;
    private final Clock clock;

    AcknowledgementPage(AcknowledgementTokens tokens, DeliveryRepository deliveries, NotificationRepository notifications,
                        Acknowledgements acknowledgements, RecipientChannels recipients, Clock clock) {
        this.recipients = recipients;
        this.tokens = tokens;
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.acknowledgements = acknowledgements;
        this.clock = clock;
    }

    @GetMapping(path = "/acknowledgements/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@PathVariable String token) {
        return withDelivery(token, delivery -> {
            NotificationRepository.StoredNotification n = notifications.find(delivery.notificationId()).orElseThrow();
            OffsetDateTime already = acknowledgements.acknowledgedAt(delivery);
            String what = HtmlUtils.htmlEscape(delivery.kind().label());
            String who = HtmlUtils.htmlEscape(recipients.nameOf(delivery.recipient(), n.localAuthority()));
            String body = facts(n, delivery) + (already != null
                    ? "<p>This " + what + " was already acknowledged for " + who + " on "
                    + when(already) + ". There is nothing more to do.</p>"
                    : "<p>Confirm that " + who + " has received this " + what + ".</p>"
                    + "<form method=\"post\"><button type=\"submit\" class=\"button\">Confirm receipt</button></form>");
            return page(HttpStatus.OK, "Acknowledge a " + delivery.kind().label(), body);
        });
    }

    @PostMapping(path = "/acknowledgements/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> acknowledge(@PathVariable String token) {
        return withDelivery(token, delivery -> {
            NotificationRepository.StoredNotification n = notifications.find(delivery.notificationId()).orElseThrow();
            OffsetDateTime at = acknowledgements.acknowledge(delivery, "link:" + delivery.recipient(), "email link");
            return page(HttpStatus.OK, "Receipt acknowledged", facts(n, delivery)
                    + "<p class=\"confirmation\">Acknowledged for "
                    + HtmlUtils.htmlEscape(recipients.nameOf(delivery.recipient(), n.localAuthority())) + " on " + when(at)
                    + ". Thank you; you can close this page.</p>");
        });
    }

    private ResponseEntity<String> withDelivery(String token,
                                                Function<DeliveryRepository.StoredDelivery, ResponseEntity<String>> action) {
        AcknowledgementTokens.Verification verification = tokens.verify(token, clock.instant());
        if (verification.expired()) {
            return page(HttpStatus.GONE, "This link has expired",
                    "<p>Acknowledgement links are valid for a limited time. Your organisation can still acknowledge "
                            + "the notification through the hub API, or ask the notifying Trust for a new link.</p>");
        }
        Optional<DeliveryRepository.StoredDelivery> delivery = verification.deliveryId().flatMap(deliveries::find);
        if (delivery.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, "This link is not valid",
                    "<p>The link may have been copied incompletely or altered. Open it again from the email, "
                            + "or acknowledge through the hub API.</p>");
        }
        return action.apply(delivery.get());
    }

    private String facts(NotificationRepository.StoredNotification n, DeliveryRepository.StoredDelivery delivery) {
        return "<dl>"
                + row("Trust reference", n.trustReference())
                + row("Local authority", recipients.authorityLabel(n.localAuthority()))
                + row("Incident type", "DEATH".equals(n.incidentType().name()) ? "Death of a child" : "Serious harm to a child")
                + row("Sent", delivery.kind().label())
                + row("Sent to", recipients.nameOf(delivery.recipient(), n.localAuthority()))
                + "</dl>";
    }

    private static String row(String label, String value) {
        return "<dt>" + HtmlUtils.htmlEscape(label) + "</dt><dd>" + HtmlUtils.htmlEscape(value) + "</dd>";
    }

    private String when(OffsetDateTime at) {
        return WHEN.format(at.atZoneSameInstant(StatutoryDeadlines.LONDON));
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + " - Serious incident notification hub</title>"
                + "<link rel=\"stylesheet\" href=\"/hub.css\"></head><body>"
                + "<header><p class=\"service\">Serious incident notification hub</p></header><main>"
                + "<h1>" + HtmlUtils.htmlEscape(title) + "</h1>" + body + "</main></body></html>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).header("Cache-Control", "no-store").body(html);
    }
}
