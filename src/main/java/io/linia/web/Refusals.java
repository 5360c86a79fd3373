package io.linia.web;

import io.linia.shared.DomainException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Puts a domain refusal into words in the viewer's language, for pages and problem details alike. */
@Component
public class Refusals {

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    public String explain(DomainException e) {
        return text(e.messageKey(), e.args());
    }

    /** A message; arguments that are message keys themselves ({@code linia.state.OPEN}) are translated too. */
    public String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // identifiers are not quantities: "999999", not "999 999"
            resolved[i] = args[i] instanceof String s && s.startsWith("linia.")
                    ? messages.getMessage(s, null, s, locale)
                    : args[i] instanceof Long || args[i] instanceof Integer ? String.valueOf(args[i]) : args[i];
        }
        return messages.getMessage(key, resolved, key, locale);
    }

    /** Field → first message, for forms that show each error next to its field. */
    public Map<String, String> fieldErrors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.putIfAbsent(error.getField(), messages.getMessage(error, LocaleContextHolder.getLocale()));
        }
        return errors;
    }

    /** The same map with a domain refusal added at its field. */
    public Map<String, String> fieldErrors(BindingResult binding, DomainException refusal) {
        Map<String, String> errors = fieldErrors(binding);
        errors.put(refusal.field(), explain(refusal));
        return errors;
    }
}
