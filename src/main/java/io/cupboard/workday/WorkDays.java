package io.cupboard.workday;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.identity.CurrentUser;
import io.cupboard.lead.LeadRuleException;
import io.cupboard.lead.TaskScheduling;
import io.cupboard.lead.TaskType;
import io.cupboard.shared.RowRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening and closing agents' work days. A day closes clean only when every task due that day is
 * done or carried forward with a reason.
 */
@Service
public class WorkDays {

    private static final Logger log = LoggerFactory.getLogger(WorkDays.class);

    /** The agent's own hours, the team's handling time and the agent's work day: see {@link #agentDayRead}. */
    private static final String AGENT_DAY = """
            select u.shift_start, u.shift_end, t.average_handling_minutes, w.work_date, w.opened_at, w.closed_at,
                   w.closed_clean, w.closed_by_system, w.tasks_carried
            from app_user u
            left join team t on t.id = :dayTeam
            left join work_day w on w.agent_id = u.id and w.work_date = :dayDate
            where u.id = :dayAgent
            """;

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final DaySchedules schedules;
    private final TaskScheduling scheduling;
    private final Clock clock;

    WorkDays(JdbcClient jdbc, BusinessCalendar calendar, DaySchedules schedules, TaskScheduling scheduling, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.schedules = schedules;
        this.scheduling = scheduling;
        this.clock = clock;
    }

    public LocalDate today() {
        return clock.instant().atZone(calendar.zone()).toLocalDate();
    }

    /** Returns the start of the day after {@code date} in the center's zone. */
    public Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    }

    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(calendar.zone()).toInstant();
    }

    public Optional<WorkDayStatus> status(long agentId, LocalDate date) {
        return jdbc.sql("""
                        select agent_id, work_date, opened_at, closed_at, closed_clean, closed_by_system, tasks_carried
                        from work_day where agent_id = ? and work_date = ?
                        """)
                .params(agentId, date)
                .query((row, number) -> new WorkDayStatus(row.getLong(1), row.getObject(2, LocalDate.class),
                        instant(row.getTimestamp(3)), instant(row.getTimestamp(4)), row.getBoolean(5), row.getBoolean(6),
                        row.getInt(7)))
                .optional();
    }

    /**
     * Returns the agent's shift, the team's handling time and the agent's work day on a date in one
     * statement. The shift comes from the team's template when the agent has no hours of their own.
     */
    public AgentDay agentDay(long agentId, Long teamId, DayTemplate template, LocalDate date) {
        return agentDayRead(agentId, teamId, template, date).run(jdbc);
    }

    /**
     * Returns the select of {@link #agentDay}, for the CUP page to send along with its own query,
     * because every CUP page needs all three.
     */
    public RowRead<AgentDay> agentDayRead(long agentId, Long teamId, DayTemplate template, LocalDate date) {
        return new RowRead<>(AGENT_DAY,
                Map.of("dayAgent", agentId, "dayTeam", new SqlParameterValue(Types.BIGINT, teamId), "dayDate", date),
                (row, number) -> new AgentDay(
                        schedules.shiftFor(row.getObject(1, LocalTime.class), row.getObject(2, LocalTime.class), template, date),
                        minutesOrDefault((Integer) row.getObject(3)),
                        row.getObject(4) == null ? Optional.empty()
                                : Optional.of(new WorkDayStatus(agentId, date, instant(row.getTimestamp(5)), instant(row.getTimestamp(6)),
                                row.getBoolean(7), row.getBoolean(8), row.getInt(9)))),
                () -> new AgentDay(schedules.shiftFor(null, null, template, date), minutesOrDefault(null), Optional.empty()));
    }

    /** Returns whether the agent has opened today's day, closed since or not. */
    @Transactional(readOnly = true)
    public boolean openedToday(long agentId) {
        return status(agentId, today()).map(status -> status.openedAt() != null).orElse(false);
    }

    /** Returns the agents who opened the given day, for allocation and alerts to treat the others as absent. */
    @Transactional(readOnly = true)
    public Set<Long> agentsWhoOpened(LocalDate date) {
        return jdbc.sql("select agent_id from work_day where work_date = ? and opened_at is not null")
                .param(date).query(Long.class).list().stream().collect(Collectors.toSet());
    }

    /** Opens today's day; opening an opened day changes nothing. */
    @Transactional
    public WorkDayStatus open(CurrentUser agent) {
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into work_day (agent_id, work_date, opened_at) values (:agent, :date, :now)
                        on conflict (agent_id, work_date) do update set opened_at = coalesce(work_day.opened_at, excluded.opened_at)
                        """)
                .param("agent", agent.id())
                .param("date", today())
                .param("now", Timestamp.from(now))
                .update();
        log.info("Agent {} opened the day {}", agent.id(), today());
        return status(agent.id(), today()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public DayPlan plan(CurrentUser agent) {
        LocalDate today = today();
        Instant start = startOf(today);
        Instant end = endOf(today);
        var counts = jdbc.sql("""
                        select count(*) filter (where due_at < :start) as carried,
                               count(*) filter (where type = 'CALLBACK' and due_at >= :start and due_at < :end) as callbacks,
                               count(*) filter (where type = 'FIRST_CONTACT') as new_leads,
                               count(*) filter (where due_at < :end) as due_today
                        from task where owner_id = :agent and state = 'OPEN'
                        """)
                .param("agent", agent.id())
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .query().singleRow();
        return new DayPlan(number(counts.get("carried")), number(counts.get("callbacks")), number(counts.get("new_leads")),
                number(counts.get("due_today")), schedules.templateFor(agent.teamId()).getSegments(),
                schedules.shiftFor(agent.id(), agent.teamId(), today));
    }

    /** Returns the agent's open tasks due by the end of today, oldest first. */
    @Transactional(readOnly = true)
    public List<DueTask> dueToday(long agentId) {
        return jdbc.sql("""
                        select t.id, t.lead_id, l.full_name, l.phone_display, t.type, t.due_at, t.carried_count
                        from task t join lead l on l.id = t.lead_id
                        where t.owner_id = :agent and t.state = 'OPEN' and t.due_at < :end
                        order by t.due_at, t.id
                        """)
                .param("agent", agentId)
                .param("end", Timestamp.from(endOf(today())))
                .query((row, number) -> new DueTask(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                        TaskType.valueOf(row.getString(5)), row.getTimestamp(6).toInstant(), row.getInt(7)))
                .list();
    }

    /** Carries one task of the agent's to a later business time with a reason. */
    @Transactional
    public void carry(CurrentUser agent, long taskId, Instant newDue, String reason) {
        try {
            scheduling.carryForward(taskId, newDue, reason, agent);
        } catch (LeadRuleException e) {
            throw new WorkdayRuleException(e.messageKey(), e.getMessage(), e.arguments());
        }
        countCarried(agent.id(), 1);
    }

    /**
     * Carries every task due today to the next working day's first hours, spaced by the team's
     * average handling time, with one reason.
     *
     * @return how many tasks moved
     */
    @Transactional
    public int carryAllToNextMorning(CurrentUser agent, String reason) {
        try {
            scheduling.validateCarry(nextMorning(), reason);
        } catch (LeadRuleException e) {
            throw new WorkdayRuleException(e.messageKey(), e.getMessage(), e.arguments());
        }
        int moved = scheduling.carryDueTasks(List.of(agent.id()), endOf(today()), nextMorning(), handlingTime(agent.teamId()),
                reason.strip(), agent.id());
        countCarried(agent.id(), moved);
        log.info("Agent {} carried {} tasks to the next working day", agent.id(), moved);
        return moved;
    }

    /**
     * Closes today's day clean.
     *
     * @throws WorkdayRuleException when tasks due today are still open
     */
    @Transactional
    public WorkDayStatus close(CurrentUser agent) {
        long left = jdbc.sql("select count(*) from task where owner_id = ? and state = 'OPEN' and due_at < ?")
                .params(agent.id(), Timestamp.from(endOf(today()))).query(Long.class).single();
        if (left > 0) {
            throw new WorkdayRuleException("workday.error.tasksLeft", "Agent " + agent.id() + " has " + left + " tasks left", left);
        }
        jdbc.sql("""
                        insert into work_day (agent_id, work_date, opened_at, closed_at, closed_clean)
                        values (:agent, :date, :now, :now, true)
                        on conflict (agent_id, work_date) do update
                        set closed_at = excluded.closed_at, closed_clean = true, closed_by_system = false,
                            opened_at = coalesce(work_day.opened_at, excluded.opened_at)
                        """)
                .param("agent", agent.id())
                .param("date", today())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        log.info("Agent {} closed the day {} clean", agent.id(), today());
        return status(agent.id(), today()).orElseThrow();
    }

    /** Returns the opening of the first working day after today. */
    public Instant nextMorning() {
        return calendar.nextOpening(endOf(today()).minusSeconds(1));
    }

    /** Returns the team's average handling time per task, which sizes the work left and spaces carried tasks. */
    public Duration handlingTime(Long teamId) {
        Integer minutes = teamId == null ? null
                : jdbc.sql("select average_handling_minutes from team where id = ?").param(teamId).query(Integer.class).optional().orElse(null);
        return minutesOrDefault(minutes);
    }

    /** Returns a team's handling time, six minutes when the team sets none. */
    private static Duration minutesOrDefault(Integer minutes) {
        return Duration.ofMinutes(minutes == null ? 6 : minutes);
    }

    private void countCarried(long agentId, int moved) {
        if (moved == 0) {
            return;
        }
        jdbc.sql("""
                        insert into work_day (agent_id, work_date, tasks_carried) values (:agent, :date, :moved)
                        on conflict (agent_id, work_date) do update set tasks_carried = work_day.tasks_carried + excluded.tasks_carried
                        """)
                .param("agent", agentId)
                .param("date", today())
                .param("moved", moved)
                .update();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
