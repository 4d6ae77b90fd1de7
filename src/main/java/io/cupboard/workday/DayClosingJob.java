package io.cupboard.workday;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.lead.TaskScheduling;
import io.cupboard.shared.JobRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes the days that agents left open: their tasks due that day move to the next working
 * morning with the system as the actor, and the day is recorded as not closed clean. Running it
 * again for the same day changes nothing, because no task is due that day any more and every
 * such day is already closed.
 */
@Service
public class DayClosingJob {

    static final String SYSTEM_REASON = "Carried by the system: the day was not closed";

    private static final Logger log = LoggerFactory.getLogger(DayClosingJob.class);

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final TaskScheduling scheduling;
    private final WorkdayProperties properties;
    private final Clock clock;

    DayClosingJob(JdbcClient jdbc, BusinessCalendar calendar, TaskScheduling scheduling, WorkdayProperties properties,
                  Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.scheduling = scheduling;
        this.properties = properties;
        this.clock = clock;
    }

    /** Closes the last working day before today. */
    @Transactional
    public JobRun closeLastWorkingDay() {
        LocalDate day = clock.instant().atZone(calendar.zone()).toLocalDate().minusDays(1);
        for (int back = 0; back < 14 && calendar.hoursOn(day).isEmpty(); back++) {
            day = day.minusDays(1);
        }
        return close(day);
    }

    /**
     * Closes one day: records every agent who had tasks due that day or opened it without closing
     * as not closed clean, and carries their tasks due by the end of that day.
     */
    @Transactional
    public JobRun close(LocalDate day) {
        JobRun run = JobRun.start(log, "day-closing");
        Instant end = day.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        Instant now = clock.instant();
        // One statement finds the agents and records their days, so that an idle night costs one
        // scan of the open tasks. The update of opened days skips the agents the insert records,
        // because one statement must not change the same work day row twice.
        RecordedDays recorded = jdbc.sql("""
                        with agents as (
                            select distinct t.owner_id as id
                            from task t
                            join app_user u on u.id = t.owner_id and u.role = 'AGENT'
                            where t.state = 'OPEN' and t.due_at < :end
                              and not exists (select 1 from work_day w
                                              where w.agent_id = t.owner_id and w.work_date = :day and w.closed_clean)
                        ), recorded as (
                            insert into work_day (agent_id, work_date, closed_at, closed_clean, closed_by_system, tasks_carried)
                            select agent.id, :day, :now, false, true,
                                   (select count(*) from task t where t.owner_id = agent.id and t.state = 'OPEN' and t.due_at < :end)
                            from agents agent
                            on conflict (agent_id, work_date) do update
                            set closed_at = excluded.closed_at, closed_by_system = true,
                                tasks_carried = work_day.tasks_carried + excluded.tasks_carried
                            where not work_day.closed_clean
                            returning agent_id
                        ), opened as (
                            update work_day set closed_at = :now, closed_by_system = true
                            where work_date = :day and opened_at is not null and closed_at is null
                              and agent_id <> all(array(select id from agents))
                            returning agent_id
                        )
                        select array(select id from agents order by id) as agents,
                               (select count(*) from recorded) + (select count(*) from opened) as days
                        """)
                .param("day", day)
                .param("now", Timestamp.from(now))
                .param("end", Timestamp.from(end))
                .query((row, number) -> new RecordedDays(List.of((Long[]) row.getArray("agents").getArray()), row.getLong("days")))
                .single();
        Instant firstSlot = calendar.nextOpening(end.minusSeconds(1));
        if (firstSlot.isBefore(now)) {
            firstSlot = calendar.nextOpenSlot(now);
        }
        int carried = scheduling.carryDueTasks(recorded.agents(), end, firstSlot, properties.carrySpacing(), SYSTEM_REASON, null);
        run.count("days recorded not closed", recorded.days()).count("tasks carried", carried).finished();
        return run;
    }

    /** The agents whose tasks the job carries, and the number of work days it recorded as not closed clean. */
    private record RecordedDays(List<Long> agents, long days) {
    }
}
