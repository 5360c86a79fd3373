package io.linia.automation.internal;

import io.linia.automation.RuleCondition;
import io.linia.automation.RuleCondition.Operator;
import io.linia.tickets.TicketFacts;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** Whether a ticket meets a rule's conditions (all of them). Values were checked when the rule was saved. */
final class RuleMatcher {

    static final String NONE = "none";

    private RuleMatcher() {
    }

    static boolean matches(List<RuleCondition> conditions, TicketFacts t, Supplier<Set<String>> customerTags) {
        for (RuleCondition c : conditions) {
            if (!holds(c, t, customerTags)) {
                return false;
            }
        }
        return true;
    }

    static boolean usesCustomerTags(List<RuleCondition> conditions) {
        return conditions.stream().anyMatch(c -> c.field() == RuleCondition.Field.CUSTOMER_TAG);
    }

    private static boolean holds(RuleCondition c, TicketFacts t, Supplier<Set<String>> customerTags) {
        String v = c.value() == null ? "" : c.value().strip();
        boolean positive = switch (c.field()) {
            case CHANNEL -> t.channel().name().equals(v);
            case CATEGORY -> NONE.equals(v) ? t.categoryId() == null : String.valueOf(t.categoryId()).equals(v);
            case GROUP -> NONE.equals(v) ? t.groupId() == null : String.valueOf(t.groupId()).equals(v);
            case PRIORITY -> t.priority().name().equals(v);
            case STATE -> t.state().name().equals(v);
            case TEXT -> containsAny(fold(t.subject() + "\n" + t.lastCustomerText()), v);
            case CUSTOMER_TAG -> customerTags.get().contains(io.linia.shared.Tags.normalise(v).orElse(v));
            case TICKET_TAG -> t.tags().contains(io.linia.shared.Tags.normalise(v).orElse(v));
        };
        Operator op = c.operator();
        boolean negated = op == Operator.IS_NOT || op == Operator.NOT_CONTAINS || op == Operator.LACKS;
        return negated != positive;
    }

    /** Any of the alternatives separated by "|" occurs in the (folded) text. */
    static boolean containsAny(String foldedText, String alternatives) {
        return Arrays.stream(alternatives.split("\\|")).map(RuleMatcher::fold).filter(a -> !a.isEmpty())
                .anyMatch(foldedText::contains);
    }

    /** Lower case, ё as е, every run of white space as one space: how people mean "contains these words". */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        return text.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ").strip();
    }
}
