package io.cupboard.allocation.web;

import java.util.List;
import java.util.Optional;

import io.cupboard.allocation.AllocationRejectedException;
import io.cupboard.allocation.TeamOverview;
import io.cupboard.allocation.TeamOverview.AgentLoad;
import io.cupboard.allocation.TeamOverview.TeamView;
import io.cupboard.allocation.TeamReassignments;
import io.cupboard.identity.CurrentUser;
import io.cupboard.lead.StatusCatalog;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team lead's tools: the team pool with bulk reassignment, the agents with their CUP size, and
 * an agent's CUP with reassignment of selected leads or of the whole CUP. htmx posts get the
 * section back; plain form posts are redirected (post-redirect-get).
 */
@Controller
@RequestMapping("/team")
class TeamReassignmentController {

    private static final String HTMX = "HX-Request";

    private final TeamOverview overview;
    private final TeamReassignments reassignments;
    private final StatusCatalog catalog;

    TeamReassignmentController(TeamOverview overview, TeamReassignments reassignments, StatusCatalog catalog) {
        this.overview = overview;
        this.reassignments = reassignments;
        this.catalog = catalog;
    }

    @GetMapping("/pool")
    String pool(@RequestParam(required = false) Long team, @AuthenticationPrincipal CurrentUser user,
                @RequestHeader(value = HTMX, required = false) String htmx, Model model) {
        Optional<TeamView> view = overview.team(user, team);
        if (view.isEmpty()) {
            return "allocation/no-team";
        }
        populatePool(model, user, view.get());
        return htmx == null ? "allocation/pool" : "allocation/pool :: pool";
    }

    @PostMapping("/pool")
    String reassignFromPool(@RequestParam long team, ReassignForm form, @AuthenticationPrincipal CurrentUser user,
                            @RequestHeader(value = HTMX, required = false) String htmx, Model model,
                            RedirectAttributes redirect, HttpServletResponse response) {
        Outcome outcome = attempt(() -> reassignments.reassign(user, team, form.leadIds(), form.parsedTarget(), form.reason()),
                "allocation.reassign.done", response);
        if (htmx == null) {
            outcome.flash(redirect);
            return "redirect:/team/pool?team=" + team;
        }
        outcome.show(model);
        populatePool(model, user, overview.team(user, team).orElseThrow());
        return "allocation/pool :: pool";
    }

    @GetMapping("/agents")
    String agents(@RequestParam(required = false) Long team, @AuthenticationPrincipal CurrentUser user, Model model) {
        Optional<TeamView> view = overview.team(user, team);
        if (view.isEmpty()) {
            return "allocation/no-team";
        }
        model.addAttribute("view", view.get());
        model.addAttribute("agents", overview.agents(view.get().team().getId()));
        model.addAttribute("poolSize", overview.poolSize(view.get().team().getId()));
        return "allocation/agents";
    }

    @GetMapping("/agents/{agentId}")
    String agent(@PathVariable long agentId, @AuthenticationPrincipal CurrentUser user,
                 @RequestHeader(value = HTMX, required = false) String htmx, Model model) {
        populateAgent(model, user, overview.agent(user, agentId));
        return htmx == null ? "allocation/agent" : "allocation/agent :: agent";
    }

    @PostMapping("/agents/{agentId}")
    String reassignFromAgent(@PathVariable long agentId, ReassignForm form, @AuthenticationPrincipal CurrentUser user,
                             @RequestHeader(value = HTMX, required = false) String htmx, Model model,
                             RedirectAttributes redirect, HttpServletResponse response) {
        AgentLoad agent = overview.agent(user, agentId);
        Outcome outcome = attempt(() -> reassignments.reassign(user, agent.teamId(), form.leadIds(), form.parsedTarget(), form.reason()),
                "allocation.reassign.done", response);
        return agentResponse(agentId, user, htmx, model, redirect, outcome);
    }

    @PostMapping("/agents/{agentId}/move")
    String moveCup(@PathVariable long agentId, ReassignForm form, @AuthenticationPrincipal CurrentUser user,
                   @RequestHeader(value = HTMX, required = false) String htmx, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        overview.agent(user, agentId);
        Outcome outcome = attempt(() -> reassignments.moveCup(user, agentId, form.parsedTarget(), form.reason()),
                "allocation.move.done", response);
        return agentResponse(agentId, user, htmx, model, redirect, outcome);
    }

    private String agentResponse(long agentId, CurrentUser user, String htmx, Model model, RedirectAttributes redirect,
                                 Outcome outcome) {
        if (htmx == null) {
            outcome.flash(redirect);
            return "redirect:/team/agents/" + agentId;
        }
        outcome.show(model);
        populateAgent(model, user, overview.agent(user, agentId));
        return "allocation/agent :: agent";
    }

    private void populatePool(Model model, CurrentUser user, TeamView view) {
        long teamId = view.team().getId();
        model.addAttribute("view", view);
        model.addAttribute("leads", overview.pool(teamId));
        model.addAttribute("poolSize", overview.poolSize(teamId));
        model.addAttribute("targets", overview.targets(user, teamId));
        model.addAttribute("statusesByCode", catalog.statusesByCode());
        model.addAttribute("maxRows", TeamOverview.MAX_ROWS);
    }

    private void populateAgent(Model model, CurrentUser user, AgentLoad agent) {
        model.addAttribute("agent", agent);
        model.addAttribute("leads", overview.openLeadsOf(agent.id()));
        model.addAttribute("targets", overview.targets(user, agent.teamId()));
        model.addAttribute("statusesByCode", catalog.statusesByCode());
        model.addAttribute("maxRows", TeamOverview.MAX_ROWS);
    }

    /** Runs a move. A rejected request gets status 422 and the message key of the reason. */
    private static Outcome attempt(java.util.function.Supplier<List<Long>> move, String successKey, HttpServletResponse response) {
        try {
            List<Long> moved = move.get();
            return new Outcome("success", successKey, new Object[] {moved.size()});
        } catch (AllocationRejectedException e) {
            response.setStatus(422);
            return new Outcome("error", e.messageKey(), e.arguments());
        }
    }

    /** A flash message: its kind ({@code success} or {@code error}), key and arguments. */
    private record Outcome(String kind, String key, Object[] arguments) {

        void flash(RedirectAttributes redirect) {
            redirect.addFlashAttribute(kind, key);
            redirect.addFlashAttribute(kind + "Args", arguments);
        }

        void show(Model model) {
            model.addAttribute(kind, key);
            model.addAttribute(kind + "Args", arguments);
        }
    }
}
