package uk.gov.safeguarding.hub.mail;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;

/** Lays out a {@link Letter} as an {@link Email}: Thymeleaf templates for the HTML and the plain text. */
@Component
public class EmailTemplates {

    // the templates resolve no beans; Thymeleaf's evaluation context requires a context to resolve them from
    private static final StaticApplicationContext NO_BEANS = new StaticApplicationContext();
    private static final LetterPropertyAccessor LETTERS = new LetterPropertyAccessor();
    private final SpringTemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final SpringTemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    public Email render(Letter letter) {
        Context context = new Context(Locale.UK);
        // without an evaluation context of its own (Spring MVC's views set one), Thymeleaf makes a new one for every
        // expression, whose property look-ups are never cached: half a delivery's CPU in a profile
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, expressions());
        context.setVariable("letter", letter);
        return new Email(letter.subject(), text.process("email/letter", context), html.process("email/letter", context));
    }

    /** The letter's own accessor goes before Thymeleaf's reflective one, which would otherwise read the letter too. */
    static ThymeleafEvaluationContext expressions() {
        ThymeleafEvaluationContext expressions = new ThymeleafEvaluationContext(NO_BEANS, null);
        expressions.addPropertyAccessor(LETTERS);
        return expressions;
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
