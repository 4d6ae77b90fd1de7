package io.cupboard;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationModulesTest {

    private final ApplicationModules modules = ApplicationModules.of(CupBoardApplication.class);

    @Test
    void moduleBoundariesVerify() {
        modules.verify();
    }

    @Test
    void everyFeatureIsAModule() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("identity", "calendar", "policy", "lead", "sla", "alert", "allocation", "cup", "workday",
                        "dashboard", "admin", "database", "demo", "shared");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
