package io.linia;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(LiniaApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void everyCapabilityOfThisIssueIsItsOwnModule() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("tickets", "accounts", "routing", "web", "shared", "demo", "workforce");
    }

    @Test
    void writesModuleDiagramsForTheReadme() {
        Documenter documenter = new Documenter(modules);
        documenter.writeModulesAsPlantUml();
        assertThat(Path.of("target", "spring-modulith-docs", "components.puml"))
                .content().contains("Tickets", "Accounts", "Routing", "Web");
    }
}
