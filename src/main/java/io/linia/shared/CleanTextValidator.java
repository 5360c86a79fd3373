package io.linia.shared;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class CleanTextValidator implements ConstraintValidator<CleanText, String> {

    private int maxBytes;

    @Override
    public void initialize(CleanText annotation) {
        this.maxBytes = annotation.maxBytes();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String problem = problemOf(value, maxBytes);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("{linia.validation." + problem + "}")
                .addConstraintViolation();
        return false;
    }

    /** The message suffix describing what is wrong with the text, or null when it is clean. */
    public static String problemOf(String value, int maxBytes) {
        long bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return "invalidCharacters";
                }
                bytes += 4;
                i++;
                continue;
            }
            if (Character.isLowSurrogate(c) || c == '\uFFFD'
                    || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                return "invalidCharacters";
            }
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes > maxBytes ? "tooLong" : null;
    }
}
