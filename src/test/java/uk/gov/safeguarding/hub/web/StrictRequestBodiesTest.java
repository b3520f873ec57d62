package uk.gov.safeguarding.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.SharedHubIntegrationTest;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.Notifications;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Every request body of every API endpoint, found from the hub's own request mappings, and every field of it, found
 * by reflection over the request records: each field is given wrongly typed, coercible, blank, oversized and hostile
 * values, and each must be refused with a 400 problem naming that field (or 413 for a body over the limit), with
 * nothing stored. A new endpoint or field is covered without editing this test; an endpoint with a body but no
 * example below fails it. The OpenAPI description must say what the binder enforces.
 */
@SharedHubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictRequestBodiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A valid body of each request type; the test proves each valid before breaking it field by field. */
    private static final Map<String, String> VALID = Map.ofEntries(Map.entry(
            "NotificationRequest", Notifications.seriousIncident("SCT-STRICT-EXAMPLE").toString()),
            Map.entry("AcknowledgementRequest", "{\"recipient\": \"OFSTED\"}"),
            Map.entry("RapidReviewRequest", "{\"decidedOn\": \"" + Notifications.today() + "\", \"decision\": \"LCSPR\"}"),
            Map.entry("PanelResponseRequest", "{\"respondedOn\": \"" + Notifications.today()
                    + "\", \"concurs\": true, \"comment\": \"The Panel agrees with the decision.\"}"),
            Map.entry("PublicationPlanRequest", "{\"plannedOn\": \"" + Notifications.today().plusDays(30) + "\"}"),
            Map.entry("EmbargoRequest", "{\"since\": \"" + Notifications.today()
                    + "\", \"reason\": \"CORONER\", \"detail\": \"Inquest opened and adjourned\"}"),
            Map.entry("EmbargoLiftRequest", "{\"liftedOn\": \"" + Notifications.today() + "\"}"),
            Map.entry("PublicationRequest", "{\"publishedOn\": \"" + Notifications.today() + "\"}"),
            Map.entry("GroupRequest", "{\"group\": \"java.net.ConnectException|OFSTED|EMAIL\"}"),
            Map.entry("DiscardRequest", "{\"reason\": \"recipient confirmed receipt by phone\"}"));


    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    ObjectMapper hubMapper;
    @Autowired
    Validator validator;
    Api api;
    String notification;

    record Endpoint(String method, String path, Class<?> body) {
    }

    @BeforeAll
    void aNotificationToActOn() {
        api = new Api(port);
        notification = api.post("/api/v1/notifications", Notifications.seriousIncident("SCT-STRICT-0"), Api.TRUST_KEY)
                .body().get("id").asText();
        // its fan-out is audited as it goes: let it finish, so that any later audit entry is a refusal's fault
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM delivery WHERE notification_id = ? AND state <> 'SENT'")
                .param(notification).query(Integer.class).single() == 0);
    }

    /** Every endpoint that reads a JSON body, from the hub's request mappings. */
    private List<Endpoint> endpointsWithBodies() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    String path = info.getPathPatternsCondition().getPatternValues().iterator().next();
                    String method = info.getMethodsCondition().getMethods().iterator().next().name();
                    endpoints.add(new Endpoint(method, path, parameter.getParameterType()));
                }
            }
        });
        return endpoints;
    }

    @Test
    void everyRequestBodyTypeHasAValidExample() throws Exception {
        List<Endpoint> endpoints = endpointsWithBodies();
        assertThat(endpoints).extracting(e -> e.body().getSimpleName()).containsExactlyInAnyOrderElementsOf(VALID.keySet());
        for (Endpoint endpoint : endpoints) {
            Object bound = hubMapper.readValue(VALID.get(endpoint.body().getSimpleName()), endpoint.body());
            assertThat(validator.validate(bound)).as("the example of %s is valid", endpoint.body().getSimpleName()).isEmpty();
        }
    }

    @Test
    void everyWronglyTypedCoercibleBlankOversizedOrHostileFieldIsRefusedNamingItAndNothingIsStored() throws Exception {
        int notifications = count("notification");
        int audit = auditOfItsNotification();
        Map<String, Integer> tried = new TreeMap<>();
        for (Endpoint endpoint : endpointsWithBodies()) {
            ObjectNode valid = (ObjectNode) JSON.readTree(VALID.get(endpoint.body().getSimpleName()));
            for (Mutation mutation : mutations(endpoint.body(), "")) {
                ObjectNode body = valid.deepCopy();
                set(body, mutation.path(), mutation.value());
                Api.Response response = api.post(path(endpoint), body, keyFor(endpoint));
                String what = endpoint.path() + " with " + mutation.path() + " = " + abbreviate(mutation.value());
                if (mutation.tooLarge()) {
                    assertThat(response.status()).as(what).isEqualTo(413);
                } else {
                    assertThat(response.status()).as(what).isEqualTo(400);
                    assertThat(response.body().get("errors")).as(what).isNotNull();
                    assertThat(response.body().get("errors")).extracting(e -> e.get("field").asText()).as(what)
                            .anyMatch(field -> field.equals(mutation.path()) || field.startsWith(mutation.path() + "[")
                                    || field.startsWith(mutation.path() + "."));
                }
                assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                tried.merge(endpoint.path(), 1, Integer::sum);
            }
        }
        assertThat(count("notification")).as("no notification stored").isEqualTo(notifications);
        assertThat(auditOfItsNotification()).as("no state changed").isEqualTo(audit);
        System.out.println("strict request bodies: refused " + tried);
    }

    @Test
    void brokenBodiesAreRefusedAtEveryEndpoint() {
        int notifications = count("notification");
        int audit = auditOfItsNotification();
        for (Endpoint endpoint : endpointsWithBodies()) {
            String valid = VALID.get(endpoint.body().getSimpleName());
            String firstField = valid.substring(valid.indexOf('"'), valid.indexOf(':') + 1);
            String duplicated = "{" + firstField + " null, " + valid.substring(1);
            for (String body : List.of(valid + " {}", valid + " x", duplicated, "[" + valid + "]", "null", "\"text\"",
                    "42", valid.substring(0, valid.length() / 2), "")) {
                Api.Response response = api.post(path(endpoint), body, keyFor(endpoint));
                assertThat(response.status()).as("%s with %s", endpoint.path(), body).isEqualTo(400);
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(count("notification")).isEqualTo(notifications);
        assertThat(auditOfItsNotification()).isEqualTo(audit);
    }

    @Test
    void theRefusalSaysWhatWasExpected() {
        ObjectNode ordinal = Notifications.seriousIncident("SCT-STRICT-ORDINAL");
        ((ObjectNode) ordinal.get("incident")).put("type", 0);
        JsonNode error = api.post("/api/v1/notifications", ordinal, Api.TRUST_KEY).body().at("/errors/0");
        assertThat(error.get("field").asText()).isEqualTo("incident.type");
        assertThat(error.get("message").asText()).isEqualTo("expected one of DEATH, SERIOUS_HARM, not a whole number");
        ObjectNode spaced = Notifications.seriousIncident("SCT-STRICT-SPACED");
        ((ObjectNode) spaced.get("incident")).put("type", "DEATH ");
        assertThat(api.post("/api/v1/notifications", spaced, Api.TRUST_KEY).body().at("/errors/0/message").asText())
                .isEqualTo("expected one of DEATH, SERIOUS_HARM");
    }

    /** The example: ordinals, blanks, an empty array and numbers for text, all in one body. */
    @Test
    void theBodyThatOnceBecameALookedAfterDeathIsRefused() {
        String body = """
                {"trustReference": "ENUM-1", "localAuthority": "E08000028",
                 "incident": {"type": 0, "occurredOn": "2026-11-20", "awareOn": "2026-11-21", "location": 0,
                              "abuseOrNeglect": 2, "summary": "x"},
                 "children": [{"ageYears": 4, "sex": 0, "legalStatus": 0, "ageWeeks": " ", "dateOfBirth": []}],
                 "notifier": {"name": 5, "role": true, "email": "a@b.example"}}""";
        int before = count("notification");
        assertThat(api.post("/api/v1/notifications", body, Api.TRUST_KEY).status()).isEqualTo(400);
        assertThat(count("notification")).isEqualTo(before);
    }

    @Test
    void theOpenApiDescriptionSaysWhatTheBinderEnforces() {
        JsonNode schemas = api.get("/v3/api-docs", null).body().at("/components/schemas");
        Set<Class<?>> seen = new HashSet<>();
        for (Endpoint endpoint : endpointsWithBodies()) {
            describe(schemas, endpoint.body(), seen);
        }
    }

    private void describe(JsonNode schemas, Class<?> type, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        JsonNode schema = schemas.get(type.getSimpleName());
        assertThat(schema).as("schema of %s", type.getSimpleName()).isNotNull();
        List<String> names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        List<String> described = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(described::add);
        assertThat(described).as("properties of %s", type.getSimpleName()).containsExactlyInAnyOrderElementsOf(names);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (RecordComponent component : type.getRecordComponents()) {
            String what = type.getSimpleName() + "." + component.getName();
            JsonNode property = schema.get("properties").get(component.getName());
            assertThat(required.contains(component.getName())).as("%s required", what).isEqualTo(required(component));
            Class<?> raw = component.getType();
            if (raw.isEnum()) {
                List<String> values = new ArrayList<>();
                resolve(schemas, property).path("enum").forEach(v -> values.add(v.asText()));
                assertThat(values).as("%s values", what).containsExactly(
                        Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toArray(String[]::new));
            } else if (raw == LocalDate.class) {
                assertThat(property.path("format").asText()).as("%s format", what).isEqualTo("date");
            } else if (raw == String.class) {
                assertThat(property.path("type").asText()).as("%s type", what).isEqualTo("string");
                Size size = annotation(component, Size.class);
                if (size != null) {
                    assertThat(property.path("maxLength").asInt()).as("%s maxLength", what).isEqualTo(size.max());
                }
            } else if (raw == Integer.class || raw == int.class) {
                assertThat(property.path("type").asText()).as("%s type", what).isEqualTo("integer");
            } else if (raw == List.class) {
                Class<?> element = elementType(component.getGenericType());
                assertThat(property.path("type").asText()).as("%s type", what).isEqualTo("array");
                if (element.isRecord()) {
                    describe(schemas, element, seen);
                }
            } else if (raw.isRecord()) {
                describe(schemas, raw, seen);
            }
        }
    }

    private static JsonNode resolve(JsonNode schemas, JsonNode property) {
        String ref = property.path("$ref").asText();
        return ref.isEmpty() ? property : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    record Mutation(String path, JsonNode value, boolean tooLarge) {
    }

    /** The breaking values of every field of a request record, by the field's declared type. */
    private static List<Mutation> mutations(Class<?> type, String prefix) {
        List<Mutation> mutations = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + component.getName();
            Class<?> raw = component.getType();
            List<JsonNode> values = new ArrayList<>(List.of(NODES.objectNode(), NODES.arrayNode()));
            if (required(component)) {
                values.add(NODES.nullNode());
            }
            if (raw == String.class) {
                Size size = annotation(component, Size.class);
                int max = size == null ? 4_000 : size.max();
                values.addAll(List.of(NODES.numberNode(5), NODES.numberNode(5.5), NODES.booleanNode(true),
                        NODES.arrayNode().add("x"), NODES.textNode(""), NODES.textNode("   "),
                        NODES.textNode("a\u0000b"), NODES.textNode("x\u001b[31m"), NODES.textNode("x".repeat(max + 1))));
                mutations.add(new Mutation(path, NODES.textNode("x".repeat(70_000)), true));
            } else if (raw == Integer.class || raw == int.class) {
                values.addAll(List.of(NODES.textNode("4"), NODES.numberNode(4.0), NODES.numberNode(4.5),
                        NODES.booleanNode(true), NODES.textNode(""), NODES.textNode(" "), NODES.arrayNode().add(4),
                        NODES.numberNode(3_000_000_000L), NODES.numberNode(-1)));
            } else if (raw == Boolean.class || raw == boolean.class) {
                values.addAll(List.of(NODES.textNode("true"), NODES.numberNode(1), NODES.textNode(""),
                        NODES.arrayNode().add(true)));
            } else if (raw == LocalDate.class) {
                values.addAll(List.of(NODES.numberNode(20261120), NODES.textNode("2026-11-20T00:00:00"),
                        NODES.textNode("20-11-2026"), NODES.textNode("2026-02-30"), NODES.textNode("2026-1-5"),
                        NODES.textNode(""), NODES.textNode(" "), NODES.booleanNode(true),
                        NODES.arrayNode().add(2026).add(11).add(20)));
            } else if (raw.isEnum()) {
                String first = ((Enum<?>) raw.getEnumConstants()[0]).name();
                values.addAll(List.of(NODES.numberNode(0), NODES.numberNode(1), NODES.textNode(first + " "),
                        NODES.textNode(" " + first), NODES.textNode(first.toLowerCase()), NODES.textNode(""),
                        NODES.arrayNode().add(first), NODES.booleanNode(true), NODES.textNode("NOT_A_" + first)));
            } else if (raw == List.class) {
                values.remove(1);
                values.addAll(List.of(NODES.textNode("x"), NODES.numberNode(5), NODES.booleanNode(true),
                        NODES.textNode(""), NODES.arrayNode().addNull()));
                if (required(component)) {
                    values.add(NODES.arrayNode());
                }
                Class<?> element = elementType(component.getGenericType());
                if (element.isRecord()) {
                    values.add(NODES.arrayNode().add(NODES.objectNode()));
                    mutations.addAll(mutations(element, path + "[0]."));
                }
            } else if (raw.isRecord()) {
                values.remove(0);
                values.addAll(List.of(NODES.textNode("x"), NODES.numberNode(5), NODES.booleanNode(true), NODES.textNode("")));
                mutations.addAll(mutations(raw, path + "."));
            } else {
                fail("No breaking values for %s of type %s: teach this test the type", path, raw);
            }
            values.forEach(value -> mutations.add(new Mutation(path, value, false)));
        }
        return mutations;
    }

    private static boolean required(RecordComponent component) {
        return annotation(component, NotNull.class) != null || annotation(component, NotBlank.class) != null
                || annotation(component, NotEmpty.class) != null || component.getType().isPrimitive();
    }

    /** Bean Validation's annotations do not target record components; Java puts them on the accessor. */
    private static <A extends java.lang.annotation.Annotation> A annotation(RecordComponent component, Class<A> type) {
        return component.getAccessor().getAnnotation(type);
    }

    private static Class<?> elementType(Type generic) {
        Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
        return (Class<?>) (element instanceof ParameterizedType p ? p.getRawType() : element);
    }

    private String path(Endpoint endpoint) {
        return endpoint.path().replace("{id}", endpoint.path().startsWith("/api/v1/dead-letters")
                ? "00000000-0000-0000-0000-000000000000" : notification);
    }

    private static String keyFor(Endpoint endpoint) {
        if (endpoint.path().startsWith("/api/v1/dead-letters")) {
            return Api.OPS_KEY;
        }
        if (endpoint.path().endsWith("/panel-response")) {
            return "local-national_panel-key";
        }
        return endpoint.path().endsWith("/acknowledgements") ? "local-ofsted-key" : Api.TRUST_KEY;
    }

    /** Sets a value at "a.b[0].c" in a body. */
    private static void set(ObjectNode body, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        JsonNode node = body;
        for (int i = 0; i < steps.length - 1; i++) {
            node = step(node, steps[i]);
        }
        String last = steps[steps.length - 1];
        ((ObjectNode) node).set(last, value);
    }

    private static JsonNode step(JsonNode node, String step) {
        if (step.endsWith("]")) {
            String name = step.substring(0, step.indexOf('['));
            int index = Integer.parseInt(step.substring(step.indexOf('[') + 1, step.length() - 1));
            return ((ArrayNode) node.get(name)).get(index);
        }
        return node.get(step);
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "...(" + text.length() + " chars)" : text;
    }

    /** The audit entries of the notification every endpoint acts on; others' fan-out may still be audited meanwhile. */
    private int auditOfItsNotification() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE notification_id = ?").param(notification)
                .query(Integer.class).single();
    }

    private int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }
}
