package uk.gov.safeguarding.hub.mail;

import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads what the email templates read: the components of a {@link Letter} and its links, and the key and value of a
 * fact. Thymeleaf's own accessor checks each property read against its list of forbidden types, member by member:
 * a fifth of the rendering's CPU in a profile. Anything else a template names is still read, and checked, by Thymeleaf's.
 */
final class LetterPropertyAccessor implements PropertyAccessor {

    private static final Map<Class<?>, Map<String, Method>> COMPONENTS = Stream.of(Letter.class, Letter.Link.class)
            .collect(Collectors.toUnmodifiableMap(Function.identity(), LetterPropertyAccessor::accessors));

    @Override
    public Class<?>[] getSpecificTargetClasses() {
        return null;
    }

    @Override
    public boolean canRead(EvaluationContext context, Object target, String name) {
        return target instanceof Map.Entry<?, ?> ? name.equals("key") || name.equals("value")
                : target != null && COMPONENTS.getOrDefault(target.getClass(), Map.of()).containsKey(name);
    }

    @Override
    public TypedValue read(EvaluationContext context, Object target, String name) throws AccessException {
        if (target instanceof Map.Entry<?, ?> fact) {
            return new TypedValue(name.equals("key") ? fact.getKey() : fact.getValue());
        }
        Method component = target == null ? null : COMPONENTS.getOrDefault(target.getClass(), Map.of()).get(name);
        if (component == null) {
            throw new AccessException("No property " + name + " on " + (target == null ? "null" : target.getClass().getName()));
        }
        try {
            return new TypedValue(component.invoke(target));
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AccessException("Could not read " + name + " of " + target.getClass().getName(), e);
        }
    }

    @Override
    public boolean canWrite(EvaluationContext context, Object target, String name) {
        return false;
    }

    @Override
    public void write(EvaluationContext context, Object target, String name, Object newValue) throws AccessException {
        throw new AccessException("The email templates only read");
    }

    private static Map<String, Method> accessors(Class<?> record) {
        return Stream.of(record.getRecordComponents())
                .collect(Collectors.toUnmodifiableMap(RecordComponent::getName, RecordComponent::getAccessor));
    }
}
