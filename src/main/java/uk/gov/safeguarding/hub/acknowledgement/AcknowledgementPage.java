package uk.gov.safeguarding.hub.acknowledgement;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import uk.gov.safeguarding.hub.Labels;
import uk.gov.safeguarding.hub.delivery.DeliveryRepository;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.routing.RecipientChannels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one-click acknowledgement link of an email (SPEC §4). GET shows what is being acknowledged and changes
 * nothing, because mail scanners open links; POST, from the page's Confirm button, records it. A tampered,
 * unknown or expired token gets a plain page explaining what to do, never a stack trace. The page is the
 * {@code acknowledgement} template.
 */
@Controller
class AcknowledgementPage {

    private final AcknowledgementTokens tokens;
    private final DeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final Acknowledgements acknowledgements;
    private final RecipientChannels recipients;
    private final Clock clock;

    AcknowledgementPage(AcknowledgementTokens tokens, DeliveryRepository deliveries, NotificationRepository notifications,
                        Acknowledgements acknowledgements, RecipientChannels recipients, Clock clock) {
        this.tokens = tokens;
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.acknowledgements = acknowledgements;
        this.recipients = recipients;
        this.clock = clock;
    }

    @GetMapping(path = "/acknowledgements/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView confirm(@PathVariable String token, HttpServletResponse response) {
        return withDelivery(token, response, delivery -> {
            NotificationRepository.StoredNotification n = notifications.find(delivery.notificationId()).orElseThrow();
            OffsetDateTime already = acknowledgements.acknowledgedAt(delivery);
            String what = delivery.kind().label();
            String who = recipients.nameOf(delivery.recipient(), n.localAuthority());
            ModelAndView page = page(HttpStatus.OK, "Acknowledge a " + what, facts(n, delivery));
            if (already != null) {
                page.addObject("paragraphs", List.of("This " + what + " was already acknowledged for " + who + " on "
                        + Labels.when(already) + ". There is nothing more to do."));
            } else {
                page.addObject("paragraphs", List.of("Confirm that " + who + " has received this " + what + "."));
                page.addObject("askToConfirm", true);
            }
            return page;
        });
    }

    @PostMapping(path = "/acknowledgements/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView acknowledge(@PathVariable String token, HttpServletResponse response) {
        return withDelivery(token, response, delivery -> {
            NotificationRepository.StoredNotification n = notifications.find(delivery.notificationId()).orElseThrow();
            OffsetDateTime at = acknowledgements.acknowledge(delivery, "link:" + delivery.recipient(), "email link");
            return page(HttpStatus.OK, "Receipt acknowledged", facts(n, delivery))
                    .addObject("confirmation", "Acknowledged for " + recipients.nameOf(delivery.recipient(), n.localAuthority())
                            + " on " + Labels.when(at) + ". Thank you; you can close this page.");
        });
    }

    private ModelAndView withDelivery(String token, HttpServletResponse response,
                                      Function<DeliveryRepository.StoredDelivery, ModelAndView> action) {
        response.setHeader("Cache-Control", "no-store");
        AcknowledgementTokens.Verification verification = tokens.verify(token, clock.instant());
        if (verification.expired()) {
            return page(HttpStatus.GONE, "This link has expired", null).addObject("paragraphs", List.of(
                    "Acknowledgement links are valid for a limited time. Your organisation can still acknowledge "
                            + "the notification through the hub API, or ask the notifying Trust for a new link."));
        }
        Optional<DeliveryRepository.StoredDelivery> delivery = verification.deliveryId().flatMap(deliveries::find);
        if (delivery.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, "This link is not valid", null).addObject("paragraphs", List.of(
                    "The link may have been copied incompletely or altered. Open it again from the email, "
                            + "or acknowledge through the hub API."));
        }
        return action.apply(delivery.get());
    }

    private Map<String, String> facts(NotificationRepository.StoredNotification n, DeliveryRepository.StoredDelivery delivery) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Trust reference", n.trustReference());
        facts.put("Local authority", recipients.authorityLabel(n.localAuthority()));
        facts.put("Incident type", Labels.incidentType(n.incidentType().name()));
        facts.put("Sent", delivery.kind().label());
        facts.put("Sent to", recipients.nameOf(delivery.recipient(), n.localAuthority()));
        return facts;
    }

    private static ModelAndView page(HttpStatus status, String title, Map<String, String> facts) {
        ModelAndView page = new ModelAndView("acknowledgement", status);
        page.addObject("title", title);
        page.addObject("facts", facts);
        return page;
    }
}
