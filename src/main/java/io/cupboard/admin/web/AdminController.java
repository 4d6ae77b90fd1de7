package io.cupboard.admin.web;

import java.util.List;

import io.cupboard.allocation.AllocationRule;
import io.cupboard.allocation.AllocationRules;
import io.cupboard.identity.Role;
import io.cupboard.identity.TeamAdministration;
import io.cupboard.identity.UserRepository;
import io.cupboard.intake.IntakeSources;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin home page. While a new center still lacks a team, agents, an allocation rule or a lead
 * source, it lists these first steps, because without any one of them no lead reaches an agent.
 */
@Controller
class AdminController {

    private final TeamAdministration teams;
    private final UserRepository users;
    private final AllocationRules rules;
    private final IntakeSources sources;

    AdminController(TeamAdministration teams, UserRepository users, AllocationRules rules, IntakeSources sources) {
        this.teams = teams;
        this.users = users;
        this.rules = rules;
        this.sources = sources;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        List<SetupStep> steps = List.of(
                new SetupStep("teams", "/admin/teams", !teams.activeTeams().isEmpty()),
                new SetupStep("users", "/admin/users", users.countByRoleAndActiveTrue(Role.AGENT) > 0),
                new SetupStep("rules", "/admin/allocation-rules", rules.rules().stream().anyMatch(AllocationRule::isActive)),
                new SetupStep("sources", "/admin/intake/sources", !sources.active().isEmpty()));
        model.addAttribute("setupSteps", steps.stream().allMatch(SetupStep::done) ? List.of() : steps);
        return "admin/admin";
    }

    /** One step of setting up a new center: its message key suffix, the page that does it, and whether it is done. */
    record SetupStep(String name, String path, boolean done) {
    }
}
