package io.linia.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person could have typed: no NUL or other control characters (tab and line breaks
 * allowed), no broken surrogate pairs, no U+FFFD left behind by undecodable bytes, and at most
 * {@link #maxBytes()} bytes in UTF-8. PostgreSQL refuses NUL in text, so letting it through would
 * turn bad input into a server error.
 */
@Documented
@Constraint(validatedBy = CleanTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface CleanText {

    String message() default "{linia.validation.cleanText}";

    int maxBytes() default 65536;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
