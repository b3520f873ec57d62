package uk.gov.safeguarding.hub.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.SharedHubIntegrationTest;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.Notifications;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,200 generated malformed or hostile notifications (wrong types, nulls, huge strings, control characters,
 * injection strings, impossible dates, too many children, broken JSON). Every one must get a 4xx — never a 2xx,
 * never a 5xx — and none may store anything. Seeded, so that a failure can be replayed.
 */
@SharedHubIntegrationTest
class HostileInputFuzzTest {

    private static final long SEED = 20261122L;
    private static final int PAYLOADS = 1_200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> HOSTILE = List.of("'; DROP TABLE notification; --", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}", "../../../../etc/passwd", "\u0000\u0001\u0007\u001b[31m", "\uD83D\uDCA5\u202E",
            "%00%0d%0aSet-Cookie: x=y", "{{7*7}}", "#{7*7}", "\\u0000", "NaN", "-1e309", " ", "");
    /** Required fields: null in any of them is invalid. */
    private static final List<String> FIELDS = List.of("trustReference", "localAuthority", "incident", "incident.type",
            "incident.occurredOn", "incident.awareOn", "incident.location", "incident.abuseOrNeglect", "incident.summary",
            "children", "children[0].ageYears", "children[0].sex", "children[0].legalStatus", "notifier", "notifier.name",
            "notifier.email", "notifier.role");


    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** Mutations each of which alone makes a notification invalid. */
    private final List<BiConsumer<ObjectNode, Random>> breaking = List.of(
            (body, r) -> remove(body, pick(r, List.of("trustReference", "localAuthority", "incident", "children", "notifier",
                    "incident.type", "incident.awareOn", "incident.summary", "children[0].sex", "notifier.email"))),
            (body, r) -> set(body, pick(r, FIELDS), NODES.nullNode()),
            (body, r) -> set(body, pick(r, List.of("incident.type", "incident.location", "incident.abuseOrNeglect",
                    "children[0].sex", "children[0].legalStatus")), NODES.textNode(pick(r, HOSTILE) + "X")),
            (body, r) -> set(body, pick(r, List.of("incident.occurredOn", "incident.awareOn", "children[0].dateOfBirth")),
                    NODES.textNode(pick(r, List.of("2026-02-30", "tomorrow", "1899-01-01", "9999-12-31", "26-11-2026", "2026-13-01")))),
            (body, r) -> set(body, pick(r, List.of("trustReference", "localAuthority")), NODES.textNode(pick(r, HOSTILE) + "\u0000")),
            (body, r) -> set(body, pick(r, List.of("children[0].ageYears", "children[0].ageWeeks")),
                    pick(r, List.of(NODES.numberNode(-1), NODES.numberNode(999), NODES.textNode("three"), NODES.numberNode(1.5),
                            NODES.booleanNode(true), NODES.arrayNode()))),
            (body, r) -> set(body, pick(r, List.of("incident", "notifier", "children")), pick(r, List.of(NODES.textNode("x"),
                    NODES.numberNode(7), NODES.arrayNode(), NODES.objectNode()))),
            (body, r) -> {
                JsonNode child = Notifications.seriousIncident("any").get("children").get(0);
                ArrayNode children = body.putArray("children");
                for (int i = 0, count = 5 + r.nextInt(40); i < count; i++) {
                    children.add(child.deepCopy());
                }
            },
            (body, r) -> body.putArray("children"),
            (body, r) -> set(body, pick(r, List.of("incident.summary", "notifier.name", "children[0].name", "trustReference")),
                    NODES.textNode("A".repeat(5_000 + r.nextInt(60_000)))),
            (body, r) -> body.put(pick(r, List.of("trustRefrence", "__proto__", "constructor", "$where", "id", "late")), pick(r, HOSTILE)),
            (body, r) -> set(body, "incident.awareOn", NODES.textNode(Notifications.today().plusDays(1 + r.nextInt(400)).toString())),
            (body, r) -> set(body, "incident.abuseOrNeglect", NODES.textNode("NOT_SUSPECTED")),
            (body, r) -> set(body, "notifier.email", NODES.textNode(pick(r, List.of("not-an-email", "a@", "@b", pick(r, HOSTILE))))));

    @Test
    void everyMalformedOrHostilePayloadGetsA4xxAndStoresNothing() throws Exception {
        Api api = new Api(port);
        Random random = new Random(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        int before = count("notification");
        int deliveriesBefore = count("delivery");

        for (int i = 0; i < PAYLOADS; i++) {
            ObjectNode body = Notifications.seriousIncident("SCT-FUZZ-" + i);
            decorate(body, random);
            for (int m = 0, mutations = 1 + random.nextInt(3); m < mutations; m++) {
                pick(random, breaking).accept(body, random);
            }
            String json = JSON.writeValueAsString(body);
            if (random.nextInt(10) == 0) {
                json = json.substring(0, random.nextInt(json.length()));
            }
            Api.Response response = api.post("/api/v1/notifications", json, Api.TRUST_KEY);
            statuses.merge(response.status(), 1, Integer::sum);
            assertThat(response.status()).as("payload %d: %s", i, json.length() > 400 ? json.substring(0, 400) + "..." : json)
                    .isBetween(400, 499);
        }

        assertThat(count("notification")).isEqualTo(before);
        assertThat(count("delivery")).isEqualTo(deliveriesBefore);
        System.out.println("fuzz: " + PAYLOADS + " payloads, statuses " + statuses);
    }

    /** Hostile but legal text in free-text fields, so that refusals are not only about the obvious. */
    private static void decorate(ObjectNode body, Random random) {
        if (random.nextBoolean()) {
            ((ObjectNode) body.get("incident")).put("summary", "Summary " + pick(random, HOSTILE));
        }
        if (random.nextBoolean()) {
            ((ObjectNode) body.get("children").get(0)).put("ethnicity", pick(random, HOSTILE));
        }
    }

    private int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static void remove(ObjectNode body, String path) {
        ObjectNode parent = parent(body, path);
        if (parent != null) {
            parent.remove(leaf(path));
        }
    }

    private static void set(ObjectNode body, String path, JsonNode value) {
        ObjectNode parent = parent(body, path);
        if (parent != null) {
            parent.set(leaf(path), value);
        } else {
            body.set(path.split("[.\\[]")[0], value);
        }
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static ObjectNode parent(ObjectNode body, String path) {
        if (!path.contains(".")) {
            return body;
        }
        String head = path.substring(0, path.lastIndexOf('.'));
        JsonNode node = head.startsWith("children[0]") ? body.path("children").path(0) : body.path(head);
        return node instanceof ObjectNode object ? object : null;
    }
}
