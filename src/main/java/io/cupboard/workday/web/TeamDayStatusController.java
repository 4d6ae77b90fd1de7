package io.cupboard.workday.web;

import java.sql.Timestamp;
import java.time.LocalDate;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import io.cupboard.identity.TeamRepository;
import io.cupboard.workday.WorkDays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Day opening and closing per agent of a team, for its team lead (managers choose the team).
 */
@Controller
class TeamDayStatusController {

    private final WorkDays workDays;
    private final TeamRepository teams;
    private final JdbcClient jdbc;

    TeamDayStatusController(WorkDays workDays, TeamRepository teams, JdbcClient jdbc) {
        this.workDays = workDays;
        this.teams = teams;
        this.jdbc = jdbc;
    }

    /** One row of the team's day status. */
    record AgentDay(long agentId, String name, Timestamp openedAt, Timestamp closedAt, Boolean closedClean,
                    Boolean closedBySystem, Integer tasksCarried) {
    }

    @GetMapping("/team/day-status")
    String status(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long team,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        Long teamId = user.is(Role.TEAM_LEAD) ? user.teamId() : team;
        if (teamId == null) {
            teamId = teams.findAllByOrderByName().stream().findFirst().map(value -> value.getId())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        if (user.is(Role.TEAM_LEAD) && team != null && !team.equals(user.teamId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        LocalDate day = date == null ? workDays.today() : date;
        model.addAttribute("team", teams.findById(teamId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("teams", user.is(Role.MANAGER) ? teams.findAllByOrderByName() : java.util.List.of());
        model.addAttribute("date", day);
        model.addAttribute("agents", jdbc.sql("""
                        select u.id, u.display_name, w.opened_at, w.closed_at, w.closed_clean, w.closed_by_system, w.tasks_carried
                        from app_user u
                        left join work_day w on w.agent_id = u.id and w.work_date = :date
                        where u.team_id = :team and u.role = 'AGENT' and u.active
                        order by (w.closed_clean is true), u.display_name
                        """)
                .param("date", day)
                .param("team", teamId)
                .query((row, number) -> new AgentDay(row.getLong(1), row.getString(2), row.getTimestamp(3), row.getTimestamp(4),
                        (Boolean) row.getObject(5), (Boolean) row.getObject(6), (Integer) row.getObject(7)))
                .list());
        return "workday/team-status";
    }
}
