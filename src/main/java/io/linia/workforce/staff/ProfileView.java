package io.linia.workforce.staff;

import io.linia.tickets.Line;
import io.linia.workforce.Contract;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Set;

/** An agent's workforce profile: who they are in the desk (from accounts) and their contracts. */
public record ProfileView(long userId, String login, String name, String email, boolean enabled, Line line,
                          Set<Long> groupIds, Set<Long> certifiedGroupIds,
                          @Schema(description = "In force today; null when none (the roster leaves such an agent out)") Contract contract,
                          @Schema(description = "Every contract, the latest start first (future ones included)") List<ContractTerm> contracts) {

    public ProfileView {
        groupIds = Set.copyOf(groupIds);
        certifiedGroupIds = Set.copyOf(certifiedGroupIds);
        contracts = List.copyOf(contracts);
    }
}
