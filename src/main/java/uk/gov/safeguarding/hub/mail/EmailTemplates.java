package uk.gov.safeguarding.hub.mail;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Lays out a {@link Letter} as an {@link Email}: Thymeleaf templates for the HTML and the plain text. */
@Component
public class EmailTemplates {

    // the templates resolve no beans; Thymeleaf's evaluation context requires a context to resolve them from
    private static final StaticApplicationContext NO_BEANS = new StaticApplicationContext();
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
     * The letter as the templates read it: maps of its components, its links and each fact ({@code key}, {@code value}).
     * The plain text's unescaped output is evaluated in Thymeleaf's restricted mode, where a record's properties are
     * read by a reflective accessor made anew for each render that checks every read against Thymeleaf's forbidden
     * types (7.7 % of the delivery consumers' CPU in a profile); a map's are read by Spring's one map accessor, whose
     * look-up each expression keeps from render to render, in both templates.
     */
    static Map<String, Object> variables(Letter letter) {
        return map("subject", letter.subject(), "banner", letter.banner(), "urgent", letter.urgent(),
                "heading", letter.heading(),
                "facts", letter.facts().entrySet().stream().map(fact -> map("key", fact.getKey(), "value", fact.getValue())).toList(),
                "listTitle", letter.listTitle(), "list", letter.list(), "paragraphs", letter.paragraphs(),
                "action", link(letter.action()), "link", link(letter.link()), "footer", letter.footer());
    }

    private static Map<String, Object> link(Letter.Link link) {
        return link == null ? null : map("label", link.label(), "url", link.url());
    }

    /** A map that holds null values, which the templates test for ({@code Map.of} refuses them). */
    private static Map<String, Object> map(Object... namesAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
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
