package uk.gov.safeguarding.hub.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;
import uk.gov.safeguarding.hub.support.Notifications;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is overdue and what falls due next, for each caller within what it may read: a Trust or partnership its
 * authority's notifications, an agency those it receives, operations all; nearest deadline first, with who has not acknowledged.
 */
@HubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenClocksIntegrationTest {

    private static final String OPEN_CLOCKS = "/api/v1/notifications/open-clocks";
    private static final String OTHER_TRUST_KEY = Api.BIRMINGHAM_TRUST_KEY;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("open-clocks").toString());
    }

    @LocalServerPort
    int port;
    Api api;
    String overdue;
    String current;
    String otherAuthority;

    @BeforeAll
    void notifications() {
        api = new Api(port);
        ObjectNode late = Notifications.seriousIncident("SCT-OPEN-OVERDUE");
        ((ObjectNode) late.get("incident")).put("occurredOn", Notifications.today().minusDays(31).toString())
                .put("awareOn", Notifications.today().minusDays(30).toString());
        overdue = post(late, Api.TRUST_KEY);
        current = post(Notifications.seriousIncident("SCT-OPEN-CURRENT"), Api.TRUST_KEY);
        ObjectNode elsewhere = Notifications.seriousIncident("SCT-OPEN-ELSEWHERE").put("localAuthority", "E08000025");
        otherAuthority = post(elsewhere, OTHER_TRUST_KEY);
    }

    @Test
    void aTrustSeesItsAuthoritysOpenClocksNearestDeadlineFirst() {
        JsonNode view = openClocks("", Api.TRUST_KEY);
        List<JsonNode> items = items(view);

        assertThat(items).extracting(i -> i.get("deadline").asText()).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(items).extracting(i -> i.get("notificationId").asText()).containsOnly(overdue, current);
        List<JsonNode> notification = notificationClocks(items);
        assertThat(notification).extracting(i -> i.get("notificationId").asText()).containsExactly(overdue, current);

        JsonNode late = notification.get(0);
        assertThat(late.get("trustReference").asText()).isEqualTo("SCT-OPEN-OVERDUE");
        assertThat(late.get("overdue").asBoolean()).isTrue();
        assertThat(late.get("workingDaysLeft").asInt()).isNegative();
        assertThat(LocalDate.parse(late.get("deadline").asText())).isBefore(LocalDate.parse(view.get("today").asText()));
        assertThat(late.get("notAcknowledged")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("NATIONAL_PANEL", "OFSTED", "DFE", "PARTNERSHIP");
        assertThat(late.get("notAcknowledgedNames")).extracting(JsonNode::asText).contains("Ofsted",
                "Department for Education", "Sandwell Children's Safeguarding Partnership");
        assertThat(late.get("localAuthorityName").asText()).isEqualTo("Sandwell (E08000028)");

        JsonNode due = notification.get(1);
        assertThat(due.get("overdue").asBoolean()).isFalse();
        assertThat(due.get("state").asText()).isEqualTo("RUNNING");
        assertThat(due.get("workingDaysLeft").asInt()).isBetween(1, 5);
    }

    @Test
    void overdueOnlyLeavesWhatHasPassedItsDeadline() {
        assertThat(items(openClocks("?overdue=true", Api.TRUST_KEY)))
                .singleElement().satisfies(i -> {
                    assertThat(i.get("notificationId").asText()).isEqualTo(overdue);
                    assertThat(i.get("clock").asText()).isEqualTo("NOTIFICATION");
                });
    }

    @Test
    void eachCallerSeesOnlyWhatItMayRead() {
        assertThat(notificationIds(OTHER_TRUST_KEY)).containsOnly(otherAuthority);
        assertThat(notificationIds("local-ofsted-key")).containsOnly(overdue, current, otherAuthority);
        assertThat(notificationIds(Api.PARTNERSHIP_KEY)).containsOnly(overdue, current);
        assertThat(notificationIds(Api.BIRMINGHAM_PARTNERSHIP_KEY)).containsOnly(otherAuthority);
        assertThat(notificationIds("local-secretary_of_state-key")).as("a recipient of none of them").isEmpty();
        assertThat(notificationIds(Api.OPS_KEY)).containsOnly(overdue, current, otherAuthority);
        assertThat(api.get(OPEN_CLOCKS, null).status()).isEqualTo(401);
    }

    @Test
    void theListOfNotificationsIsScopedLikeEveryRead() {
        assertThat(listed(Api.TRUST_KEY, "")).containsExactly(current, overdue);
        assertThat(listed(Api.BIRMINGHAM_PARTNERSHIP_KEY, "")).containsExactly(otherAuthority);
        assertThat(listed("local-ofsted-key", "")).containsExactlyInAnyOrder(overdue, current, otherAuthority);
        assertThat(listed(Api.OPS_KEY, "?overdue=true")).containsExactly(overdue);
        assertThat(listed(Api.OPS_KEY, "?authority=E08000025")).containsExactly(otherAuthority);
        assertThat(listed(Api.OPS_KEY, "?size=1")).hasSize(1);
        assertThat(api.get("/api/v1/notifications?state=SOMETIMES", Api.OPS_KEY).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/notifications?size=0", Api.OPS_KEY).status()).isEqualTo(400);
    }

    private List<String> listed(String key, String query) {
        JsonNode list = api.get("/api/v1/notifications" + query, key).body();
        return StreamSupport.stream(list.get("items").spliterator(), false).map(i -> i.get("id").asText()).toList();
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it changes what the others read
    void anAcknowledgementLeavesTheListOfThoseStillToAcknowledge() {
        assertThat(api.post("/api/v1/notifications/" + overdue + "/acknowledgements", Map.of("recipient", "DFE"),
                "local-dfe-key").status()).isEqualTo(200);

        JsonNode late = notificationClocks(items(openClocks("?overdue=true", "local-partnership-key"))).get(0);
        assertThat(late.get("notAcknowledged")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("NATIONAL_PANEL", "OFSTED", "PARTNERSHIP");
    }

    @Test
    void aBadLimitIsA400Problem() {
        for (String query : new String[] {"?limit=0", "?limit=501", "?limit=many", "?overdue=perhaps"}) {
            Api.Response refused = api.get(OPEN_CLOCKS + query, Api.OPS_KEY);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.contentType()).as(query).startsWith("application/problem+json");
        }
        assertThat(items(openClocks("?limit=1", Api.OPS_KEY))).hasSize(1);
    }

    private String post(ObjectNode body, String key) {
        Api.Response accepted = api.post("/api/v1/notifications", body, key);
        assertThat(accepted.status()).isEqualTo(202);
        return accepted.body().get("id").asText();
    }

    private JsonNode openClocks(String query, String key) {
        Api.Response response = api.get(OPEN_CLOCKS + query, key);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private List<String> notificationIds(String key) {
        return items(openClocks("", key)).stream().map(i -> i.get("notificationId").asText()).distinct().toList();
    }

    private static List<JsonNode> items(JsonNode view) {
        return StreamSupport.stream(view.get("items").spliterator(), false).toList();
    }

    private static List<JsonNode> notificationClocks(List<JsonNode> items) {
        return items.stream().filter(i -> i.get("clock").asText().equals("NOTIFICATION")).toList();
    }
}
