package io.linia.automation;

import io.linia.shared.CleanText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A rule as an admin enters it. {@code idleMinutes} only for {@link RuleTrigger#IDLE} (5 minutes to a
 * year); {@code position} orders the rules (lower first; empty: at the end); {@code stopAfter}: when this
 * rule has changed a ticket, the rules after it are not looked at for that event.
 */
public record RuleCommand(
        @NotBlank @Size(max = 120) @CleanText String name,
        @Size(max = 1000) @CleanText String description,
        @NotNull RuleTrigger trigger,
        Integer idleMinutes,
        @Size(max = 20) List<@Valid @NotNull RuleCondition> conditions,
        @Size(max = 10) List<@Valid @NotNull RuleAction> actions,
        boolean active,
        boolean stopAfter,
        Integer position,
        Long version) {

    public static final int MIN_IDLE_MINUTES = 5;
    public static final int MAX_IDLE_MINUTES = 525_600;

    public RuleCommand {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
