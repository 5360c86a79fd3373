package io.linia.automation.internal;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.automation.RuleAction;
import io.linia.automation.RuleCommand;
import io.linia.automation.RuleCondition;
import io.linia.automation.RuleTrigger;
import io.linia.knowledge.CannedAnswerView;
import io.linia.knowledge.CannedAnswers;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.shared.Tags;
import io.linia.tickets.Channel;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketState;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A rule is checked whole when it is saved: every value names something that exists and is active,
 * each operator fits its field, the idle time is given for idle rules only, there is something to do.
 * The first problem is refused naming its field (e.g. {@code conditions[1].value}); nothing is saved.
 */
@Component
class RuleChecks {

    private final RoutingDirectory routing;
    private final UserDirectory users;
    private final CannedAnswers canned;

    RuleChecks(RoutingDirectory routing, UserDirectory users, CannedAnswers canned) {
        this.routing = routing;
        this.users = users;
        this.canned = canned;
    }

    void check(Actor admin, RuleCommand c) {
        if (c.name() == null || c.name().isBlank()) {
            throw DomainException.invalid("name", "jakarta.validation.constraints.NotBlank.message");
        }
        if (c.trigger() == null) {
            throw DomainException.invalid("trigger", "jakarta.validation.constraints.NotNull.message");
        }
        if (c.trigger() == RuleTrigger.IDLE) {
            if (c.idleMinutes() == null || c.idleMinutes() < RuleCommand.MIN_IDLE_MINUTES
                    || c.idleMinutes() > RuleCommand.MAX_IDLE_MINUTES) {
                throw DomainException.invalid("idleMinutes", "automation.error.idleMinutes",
                        RuleCommand.MIN_IDLE_MINUTES, RuleCommand.MAX_IDLE_MINUTES);
            }
        } else if (c.idleMinutes() != null) {
            throw DomainException.invalid("idleMinutes", "automation.error.idleOnlyForIdle");
        }
        if (c.position() != null && (c.position() < 0 || c.position() > 1_000_000)) {
            throw DomainException.invalid("position", "automation.error.position");
        }
        if (c.conditions().size() > 20) {
            throw DomainException.invalid("conditions", "automation.error.tooManyConditions", 20);
        }
        for (int i = 0; i < c.conditions().size(); i++) {
            checkCondition("conditions[" + i + "]", c.conditions().get(i));
        }
        if (c.actions().isEmpty()) {
            throw DomainException.invalid("actions", "automation.error.noActions");
        }
        if (c.actions().size() > 10) {
            throw DomainException.invalid("actions", "automation.error.tooManyActions", 10);
        }
        Set<RuleAction.Type> seen = EnumSet.noneOf(RuleAction.Type.class);
        for (int i = 0; i < c.actions().size(); i++) {
            RuleAction a = c.actions().get(i);
            String field = "actions[" + i + "]";
            if (a == null || a.type() == null) {
                throw DomainException.invalid(field + ".type", "jakarta.validation.constraints.NotNull.message");
            }
            if (a.type().once() && !seen.add(a.type())) {
                throw DomainException.invalid(field + ".type", "automation.error.actionTwice", "automation.action." + a.type());
            }
            checkAction(admin, field, a);
        }
        if (c.trigger() == RuleTrigger.UPDATED && c.conditions().isEmpty()) {
            // every change of every ticket: almost surely a mistake (and a flood of notices)
            throw DomainException.invalid("conditions", "automation.error.updatedNeedsCondition");
        }
    }

    private void checkCondition(String field, RuleCondition c) {
        if (c == null || c.field() == null) {
            throw DomainException.invalid(field + ".field", "jakarta.validation.constraints.NotNull.message");
        }
        if (c.operator() == null || !c.field().operators().contains(c.operator())) {
            throw DomainException.invalid(field + ".operator", "automation.error.operator",
                    "automation.operator." + c.operator(), "automation.field." + c.field());
        }
        String v = c.value() == null ? "" : c.value().strip();
        String valueField = field + ".value";
        if (v.isEmpty()) {
            throw DomainException.invalid(valueField, "jakarta.validation.constraints.NotBlank.message");
        }
        switch (c.field()) {
            case CHANNEL -> enumValue(Channel.class, v, valueField);
            case PRIORITY -> enumValue(Priority.class, v, valueField);
            case STATE -> enumValue(TicketState.class, v, valueField);
            case CATEGORY -> {
                if (!RuleMatcher.NONE.equals(v)) {
                    activeCategory(v, valueField);
                }
            }
            case GROUP -> {
                if (!RuleMatcher.NONE.equals(v)) {
                    activeGroup(v, valueField);
                }
            }
            case TEXT -> {
                if (v.length() > 200 || RuleMatcher.fold(v.replace("|", "")).isEmpty()) {
                    throw DomainException.invalid(valueField, "automation.error.text", 200);
                }
            }
            case CUSTOMER_TAG, TICKET_TAG -> Tags.require(valueField, v);
        }
    }

    private void checkAction(Actor admin, String field, RuleAction a) {
        String v = a.value() == null ? "" : a.value().strip();
        String valueField = field + ".value";
        if (v.isEmpty()) {
            throw DomainException.invalid(valueField, "jakarta.validation.constraints.NotBlank.message");
        }
        switch (a.type()) {
            case SET_GROUP -> activeGroup(v, valueField);
            case SET_CATEGORY -> activeCategory(v, valueField);
            case SET_PRIORITY -> enumValue(Priority.class, v, valueField);
            case ADD_TAG -> Tags.require(valueField, v);
            case ASSIGN -> {
                UserRef user = users.user(id(v, valueField)).filter(UserRef::enabled)
                        .orElseThrow(() -> DomainException.invalid(valueField, "linia.error.userNotFound", v));
                if (!user.roles().contains(Role.AGENT_L1) && !user.roles().contains(Role.AGENT_L2)
                        && !user.roles().contains(Role.TEAM_LEAD)) {
                    throw DomainException.invalid(valueField, "automation.error.notAnAgent", user.displayName());
                }
            }
            case ADD_CANNED_NOTE -> {
                CannedAnswerView answer;
                try {
                    answer = canned.get(admin, id(v, valueField));
                } catch (DomainException e) {
                    throw DomainException.invalid(valueField, "automation.error.cannedNotFound", v);
                }
                if (!answer.active()) {
                    throw DomainException.invalid(valueField, "automation.error.cannedNotFound", v);
                }
            }
            case NOTIFY -> {
                if (!RuleAction.RECIPIENTS.contains(v)) {
                    users.user(id(v, valueField)).filter(u -> u.enabled() && !u.roles().isEmpty()
                                    && u.roles().stream().anyMatch(Role::isStaff))
                            .orElseThrow(() -> DomainException.invalid(valueField, "automation.error.recipient", v));
                }
                String text = a.text() == null ? "" : a.text().strip();
                if (text.isEmpty() || text.length() > 1000) {
                    throw DomainException.invalid(field + ".text", "automation.error.noticeText", 1000);
                }
            }
        }
    }

    private GroupRef activeGroup(String v, String field) {
        return routing.group(id(v, field)).filter(GroupRef::active)
                .orElseThrow(() -> DomainException.invalid(field, "linia.error.groupNotFound", v));
    }

    private CategoryRef activeCategory(String v, String field) {
        return routing.category(id(v, field)).filter(CategoryRef::active)
                .orElseThrow(() -> DomainException.invalid(field, "linia.error.categoryNotFound", v));
    }

    private static long id(String v, String field) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "automation.error.notAnId", v);
        }
    }

    private static <E extends Enum<E>> void enumValue(Class<E> type, String v, String field) {
        try {
            Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "automation.error.oneOf",
                    String.join(", ", EnumSet.allOf(type).stream().map(Enum::name).toList()));
        }
    }
}
