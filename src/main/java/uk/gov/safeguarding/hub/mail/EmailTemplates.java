package uk.gov.safeguarding.hub.mail;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Lays out a {@link Letter} as an {@link Email}: Thymeleaf templates for the HTML and the plain text. */
@Component
public class EmailTemplates {

    // the templates resolve no beans; Thymeleaf's evaluation context requires a context to resolve them from
    private static final StaticApplicationContext NO_BEANS = new StaticApplicationContext();
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };
    private final SpringTemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final SpringTemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    public Email render(Letter letter) {
        Context context = new Context(Locale.UK);
        // without an evaluation context of its own (Spring MVC's views set one), Thymeleaf makes a new one for every
        // expression, whose property look-ups are never cached: half a delivery's CPU in a profile
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(NO_BEANS, null));
        context.setVariable("letter", variables(letter));
        return new Email(letter.subject(), text.process("email/letter", context), html.process("email/letter", context));
    }

    /**
     * The letter as the templates read it: each record (the letter, its links) as a map of its components, and each
     * map (the facts) as a list of maps of {@code key} and {@code value}. The plain text's unescaped output is evaluated
     * in Thymeleaf's restricted mode, where a record's properties are read by a reflective accessor made anew for each
     * render that checks every read against Thymeleaf's forbidden types (7.7 % of the delivery consumers' CPU in a
     * profile); a map's are read by Spring's one map accessor, whose look-up each expression keeps from render to
     * render, in both templates.
     */
    static Map<String, Object> variables(Record record) {
        Map<String, Object> variables = new HashMap<>(); // absent parts are null, which the templates test for
        for (RecordComponent component : COMPONENTS.get(record.getClass())) {
            variables.put(component.getName(), variable(read(component, record)));
        }
        return variables;
    }

    private static Object variable(Object value) {
        if (value instanceof Record record) {
            return variables(record);
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(EmailTemplates::keyAndValue).toList();
        }
        return value;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not read " + component.getName() + " of " + record.getClass().getName(), e);
        }
    }

    private static Map<String, Object> keyAndValue(Map.Entry<?, ?> entry) {
        Map<String, Object> keyAndValue = new HashMap<>(4);
        keyAndValue.put("key", entry.getKey());
        keyAndValue.put("value", entry.getValue());
        return keyAndValue;
    }

    private static SpringTemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        // expressions compiled to bytecode once: every delivery renders the same few templates
        engine.setEnableSpringELCompiler(true);
        return engine;
    }
}
