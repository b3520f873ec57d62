package uk.gov.safeguarding.hub.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one strict reading of every API request body (SPEC §7): a value is taken only in the JSON type its field
 * declares. Enums by their exact names (never ordinals, never trimmed or case-folded), strings only from JSON
 * strings (not numbers or booleans, never blank, no control characters but tab and line breaks), whole numbers only
 * from JSON integers, booleans only from true/false, dates only as "YYYY-MM-DD" strings; no empty string or empty
 * array taken for null, no single value taken for a list, duplicate keys and trailing tokens refused. Each refusal
 * is a {@link MismatchedInputException} that Jackson locates at its field, which {@link ProblemDetailsAdvice} turns
 * into a 400 naming the field and what was expected.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** Makes {@code mapper} read strictly; writing is unchanged. */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature(), true);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false);
        mapper.configure(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT, false);
        mapper.configure(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT, false);
        mapper.configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, false);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, false);
        mapper.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper.registerModule(module());
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("StrictJson");
        module.addDeserializer(String.class, new StrictString());
        module.addDeserializer(Integer.class, new StrictInteger(Integer.class));
        module.addDeserializer(int.class, new StrictInteger(int.class));
        module.addDeserializer(Boolean.class, new StrictBoolean(Boolean.class));
        module.addDeserializer(boolean.class, new StrictBoolean(boolean.class));
        module.addDeserializer(LocalDate.class, new StrictDate());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> deserializer) {
                return new StrictEnum(type.getRawClass());
            }
        });
        return module;
    }

    /** "one of DEATH, SERIOUS_HARM": what an enum field expects. */
    public static String oneOf(Class<?> enumType) {
        return "one of " + Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", "));
    }

    private static MismatchedInputException expected(JsonParser p, Class<?> type, String what) {
        return MismatchedInputException.from(p, type, "expected " + what + ", not " + describe(p));
    }

    private static String describe(JsonParser p) throws RuntimeException {
        JsonToken token = p.currentToken();
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    static final class StrictString extends StdScalarDeserializer<String> {

        StrictString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw expected(p, String.class, "a string");
            }
            String text = p.getText();
            if (text.isBlank()) {
                throw MismatchedInputException.from(p, String.class, "must not be empty or blank");
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                    throw MismatchedInputException.from(p, String.class,
                            "must not contain control characters (found U+" + String.format("%04X", (int) c) + ")");
                }
            }
            return text;
        }
    }

    static final class StrictInteger extends StdScalarDeserializer<Integer> {

        StrictInteger(Class<?> type) {
            super(type);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                throw expected(p, handledType(), "a whole number");
            }
            if (p.getNumberType() != JsonParser.NumberType.INT) {
                throw MismatchedInputException.from(p, handledType(), "expected a whole number, not one this large");
            }
            return p.getIntValue();
        }
    }

    static final class StrictBoolean extends StdScalarDeserializer<Boolean> {

        StrictBoolean(Class<?> type) {
            super(type);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_TRUE) || p.hasToken(JsonToken.VALUE_FALSE)) {
                return p.getBooleanValue();
            }
            throw expected(p, handledType(), "true or false");
        }
    }

    static final class StrictDate extends StdScalarDeserializer<LocalDate> {

        private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
                .withResolverStyle(ResolverStyle.STRICT);

        StrictDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw expected(p, LocalDate.class, "a date YYYY-MM-DD");
            }
            String text = p.getText();
            try {
                return LocalDate.parse(text, ISO_DATE);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "expected a date YYYY-MM-DD that exists", text, LocalDate.class);
            }
        }
    }

    static final class StrictEnum extends StdScalarDeserializer<Object> {

        private final Map<String, Object> byName = new LinkedHashMap<>();

        StrictEnum(Class<?> type) {
            super(type);
            for (Object constant : type.getEnumConstants()) {
                byName.put(((Enum<?>) constant).name(), constant);
            }
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw expected(p, handledType(), oneOf(handledType()));
            }
            Object constant = byName.get(p.getText());
            if (constant == null) {
                throw InvalidFormatException.from(p, "expected " + oneOf(handledType()), p.getText(), handledType());
            }
            return constant;
        }
    }
}
