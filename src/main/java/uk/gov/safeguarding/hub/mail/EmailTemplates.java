package uk.gov.safeguarding.hub.mail;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;

/** Lays out a {@link Letter} as an {@link Email}: Thymeleaf templates for the HTML and the plain text. */
@Component
public class EmailTemplates {

    private final SpringTemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final SpringTemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    public Email render(Letter letter) {
        Context context = new Context(Locale.UK);
        context.setVariable("letter", letter);
        return new Email(letter.subject(), text.process("email/letter", context), html.process("email/letter", context));
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
