package uk.gov.safeguarding.hub.notification;

import uk.gov.safeguarding.hub.web.ApiProblem.FieldError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Date rules that bean validation cannot express: order of events, nothing in the future, nothing absurdly old. */
final class DateSanity {

    static final int OLDEST_INCIDENT_YEARS = 20;
    static final int OLDEST_CHILD_YEARS = 18;

    private DateSanity() {
    }

    static List<FieldError> check(NotificationRequest request, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        NotificationRequest.Incident incident = request.incident();
        LocalDate oldest = today.minusYears(OLDEST_INCIDENT_YEARS);
        notFutureNorAncient(errors, "incident.occurredOn", incident.occurredOn(), today, oldest);
        notFutureNorAncient(errors, "incident.awareOn", incident.awareOn(), today, oldest);
        if (incident.awareOn().isBefore(incident.occurredOn())) {
            errors.add(new FieldError("incident.awareOn", "must not be before incident.occurredOn"));
        }
        for (int i = 0; i < request.children().size(); i++) {
            LocalDate born = request.children().get(i).dateOfBirth();
            if (born == null) {
                continue;
            }
            String field = "children[" + i + "].dateOfBirth";
            if (born.isAfter(incident.occurredOn())) {
                errors.add(new FieldError(field, "must not be after incident.occurredOn"));
            } else if (born.isBefore(incident.occurredOn().minusYears(OLDEST_CHILD_YEARS))) {
                errors.add(new FieldError(field, "a child is under 18 on the day of the incident"));
            }
        }
        return errors;
    }

    private static void notFutureNorAncient(List<FieldError> errors, String field, LocalDate date, LocalDate today,
                                            LocalDate oldest) {
        if (date.isAfter(today)) {
            errors.add(new FieldError(field, "must not be in the future (today is " + today + " in England)"));
        } else if (date.isBefore(oldest)) {
            errors.add(new FieldError(field, "must not be more than " + OLDEST_INCIDENT_YEARS + " years ago"));
        }
    }
}
