package uk.gov.safeguarding.hub.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.ZoneId;

/** Notification bodies for tests: a valid serious incident to start from, changed field by field. */
public final class Notifications {

    public static final String AUTHORITY = "E08000028";
    /** A name distinctive enough to find anywhere it leaks. */
    public static final String CHILD_NAME = "Zebedee Quillfeather-Marchbanks";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Notifications() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    public static ObjectNode seriousIncident(String trustReference) {
        ObjectNode body = JSON.createObjectNode();
        body.put("trustReference", trustReference);
        body.put("localAuthority", AUTHORITY);
        ObjectNode incident = body.putObject("incident");
        incident.put("type", "DEATH");
        incident.put("occurredOn", today().minusDays(3).toString());
        incident.put("awareOn", today().minusDays(2).toString());
        incident.put("location", "IN_AREA");
        incident.put("abuseOrNeglect", "SUSPECTED");
        incident.put("summary", "Infant found unresponsive at home; neglect suspected.");
        ArrayNode children = body.putArray("children");
        ObjectNode child = children.addObject();
        child.put("ageYears", 0);
        child.put("ageWeeks", 11);
        child.put("sex", "MALE");
        child.put("ethnicity", "White British");
        child.put("legalStatus", "NONE");
        child.put("name", CHILD_NAME);
        child.put("dateOfBirth", today().minusWeeks(11).toString());
        ObjectNode notifier = body.putObject("notifier");
        notifier.put("name", "A. Officer");
        notifier.put("role", "Head of Safeguarding");
        notifier.put("email", "a.officer@trust.example.org");
        notifier.put("phone", "0121 000 0000");
        return body;
    }

    /** A notification for one routing-table case. */
    public static ObjectNode withCase(String trustReference, String type, String abuseOrNeglect, String legalStatus) {
        ObjectNode body = seriousIncident(trustReference);
        ((ObjectNode) body.get("incident")).put("type", type).put("abuseOrNeglect", abuseOrNeglect);
        ((ObjectNode) body.get("children").get(0)).put("legalStatus", legalStatus);
        return body;
    }
}
