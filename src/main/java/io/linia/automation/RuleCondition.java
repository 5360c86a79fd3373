package io.linia.automation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One condition; a rule matches when all of its conditions hold. The value is what the field takes:
 * a channel, category or group id ({@code none} for "no category" / "first line"), priority, state,
 * words (several alternatives separated by {@code |}; case, ё/е and spacing do not matter) or a tag.
 */
public record RuleCondition(@NotNull Field field, @NotNull Operator operator, @Size(max = 200) String value) {

    public enum Field {
        CHANNEL, CATEGORY, GROUP, PRIORITY, STATE, TEXT, CUSTOMER_TAG, TICKET_TAG;

        /** The operators that make sense for the field. */
        public java.util.List<Operator> operators() {
            return switch (this) {
                case TEXT -> java.util.List.of(Operator.CONTAINS, Operator.NOT_CONTAINS);
                case CUSTOMER_TAG, TICKET_TAG -> java.util.List.of(Operator.HAS, Operator.LACKS);
                default -> java.util.List.of(Operator.IS, Operator.IS_NOT);
            };
        }
    }

    public enum Operator { IS, IS_NOT, CONTAINS, NOT_CONTAINS, HAS, LACKS }
}
