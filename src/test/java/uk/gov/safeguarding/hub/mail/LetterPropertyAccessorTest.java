package uk.gov.safeguarding.hub.mail;

import org.junit.jupiter.api.Test;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.spel.support.ReflectivePropertyAccessor;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The letter's records and facts are read by their own accessor, tried before Thymeleaf's reflective one. */
class LetterPropertyAccessorTest {

    private final LetterPropertyAccessor accessor = new LetterPropertyAccessor();
    private final Letter letter = new Letter("Subject", null, false, "Heading", Map.of("Local authority", "Sandwell"),
            null, List.of(), List.of(), new Letter.Link("Acknowledge", "https://hub.example.org/a/T"), null, null);

    @Test
    void readsTheComponentsOfTheLetterItsLinksAndItsFacts() throws Exception {
        assertThat(accessor.read(null, letter, "heading").getValue()).isEqualTo("Heading");
        assertThat(accessor.read(null, letter.action(), "url").getValue()).isEqualTo("https://hub.example.org/a/T");
        Map.Entry<String, String> fact = letter.facts().entrySet().iterator().next();
        assertThat(accessor.read(null, fact, "key").getValue()).isEqualTo("Local authority");
        assertThat(accessor.read(null, fact, "value").getValue()).isEqualTo("Sandwell");
    }

    @Test
    void leavesEverythingElseToThymeleaf() throws Exception {
        assertThat(accessor.canRead(null, letter, "class")).isFalse();
        assertThat(accessor.canRead(null, "a string", "bytes")).isFalse();
        assertThat(accessor.canRead(null, null, "heading")).isFalse();
        assertThat(accessor.canWrite(null, letter, "heading")).isFalse();
    }

    @Test
    void theTemplatesTryItBeforeTheReflectiveAccessor() {
        ThymeleafEvaluationContext expressions = EmailTemplates.expressions();
        List<PropertyAccessor> accessors = expressions.getPropertyAccessors();
        int letters = accessors.indexOf(accessors.stream().filter(LetterPropertyAccessor.class::isInstance).findFirst().orElseThrow());
        int reflective = accessors.indexOf(accessors.stream().filter(ReflectivePropertyAccessor.class::isInstance).findFirst().orElseThrow());
        assertThat(letters).isLessThan(reflective);
    }
}
