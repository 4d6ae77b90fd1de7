package io.cupboard.cup.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import io.cupboard.cup.Cup;
import io.cupboard.cup.Cups;
import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * An agent's CUP as the agent sees it, read-only, for their team lead or a manager.
 */
@Controller
class TeamCupViewController {

    private final Cups cups;
    private final CupRows rows;
    private final JdbcClient jdbc;

    TeamCupViewController(Cups cups, CupRows rows, JdbcClient jdbc) {
        this.cups = cups;
        this.rows = rows;
        this.jdbc = jdbc;
    }

    /** One agent as the view needs it. */
    record Agent(long id, String name, Long teamId) {
    }

    /** Shows the agent's CUP, with the same paging as the agent's page ({@link CupController#cup}). */
    @GetMapping("/team/agents/{agentId}/cup")
    String view(@AuthenticationPrincipal CurrentUser user, @PathVariable long agentId,
                @RequestParam(name = "rows", required = false) Integer shownRows, @RequestParam(required = false) Integer from,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Locale locale, HttpServletRequest request,
                Model model) {
        Agent agent = jdbc.sql("select id, display_name, team_id from app_user where id = ? and role = 'AGENT'")
                .param(agentId)
                .query((row, number) -> new Agent(row.getLong(1), row.getString(2), (Long) row.getObject(3)))
                .optional()
                .filter(found -> !user.is(Role.TEAM_LEAD) || found.teamId() != null && found.teamId().equals(user.teamId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Cup cup = cups.cupOf(agent.id(), agent.teamId());
        rows.addTo(model, cup, shownRows, from, locale, request.getContextPath(), "/team/agents/" + agent.id() + "/cup");
        model.addAttribute("readOnly", true);
        model.addAttribute("viewedAgent", agent.name());
        return htmx == null ? "cup/cup" : "cup/cup :: sections";
    }
}
