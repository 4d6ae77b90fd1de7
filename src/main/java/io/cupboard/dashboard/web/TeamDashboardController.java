package io.cupboard.dashboard.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.cupboard.dashboard.AgentFigures;
import io.cupboard.dashboard.Figure;
import io.cupboard.dashboard.FigureLists;
import io.cupboard.dashboard.FigureQueries;
import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Team;
import io.cupboard.lead.StatusCatalog;
import io.cupboard.shared.web.SupportedLanguages;
import jakarta.servlet.http.HttpServletResponse;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The team lead's dashboard: each agent's CUP hygiene, worst first, refreshing itself every
 * minute, with the lists behind each figure and exports.
 */
@Controller
class TeamDashboardController {

    private final FigureQueries figures;
    private final FigureLists lists;
    private final DashboardAccess access;
    private final DashboardTables tables;
    private final ExportResponses exports;
    private final StatusCatalog catalog;
    private final JsonMapper json;
    private final JdbcClient jdbc;

    TeamDashboardController(FigureQueries figures, FigureLists lists, DashboardAccess access, DashboardTables tables,
                            ExportResponses exports, StatusCatalog catalog, JsonMapper json, JdbcClient jdbc) {
        this.figures = figures;
        this.lists = lists;
        this.access = access;
        this.tables = tables;
        this.exports = exports;
        this.catalog = catalog;
        this.json = json;
        this.jdbc = jdbc;
    }

    @GetMapping("/team")
    String team(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long team,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Optional<Team> shown = access.team(user, team);
        model.addAttribute("teams", access.choices(user));
        if (shown.isEmpty()) {
            return "dashboard/team";
        }
        List<AgentFigures> agents = figures.agents(shown.get().getId());
        model.addAttribute("team", shown.get());
        model.addAttribute("agents", agents);
        model.addAttribute("scoreChart", json.writeValueAsString(new ChartSpec("bar",
                agents.stream().map(AgentFigures::agentName).toList(),
                List.of(new ChartSpec.Dataset("", agents.stream().map(AgentFigures::hygieneScore).toList())),
                false, false, true)));
        return htmx == null ? "dashboard/team" : "dashboard/team :: figures";
    }

    @GetMapping("/team/export.{format:csv|xlsx}")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long team,
                @PathVariable String format, Locale locale, HttpServletResponse response) throws IOException {
        Team shown = access.team(user, team).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        exports.send(tables.agents(figures.agents(shown.getId()), locale), format, "team-" + shown.getId(),
                SupportedLanguages.isRightToLeft(locale), response);
    }

    @GetMapping("/team/agents/{agentId}/{figure}")
    String list(@AuthenticationPrincipal CurrentUser user, @PathVariable long agentId, @PathVariable String figure, Model model) {
        long teamId = access.agentTeam(user, agentId);
        Figure chosen = parse(figure);
        List<FigureLists.FigureLead> leads = lists.leads(chosen, agentId);
        model.addAttribute("figure", chosen);
        model.addAttribute("agentName", jdbc.sql("select display_name from app_user where id = ?").param(agentId)
                .query(String.class).single());
        model.addAttribute("teamId", teamId);
        model.addAttribute("leads", leads);
        model.addAttribute("limited", leads.size() >= FigureLists.LIMIT);
        model.addAttribute("statusesById", catalog.statusesById());
        return "dashboard/list";
    }

    private static Figure parse(String figure) {
        try {
            return Figure.valueOf(figure.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
