package io.cupboard.cup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import io.cupboard.lead.TaskType;
import io.cupboard.workday.AgentDay;
import io.cupboard.workday.DaySchedules;
import io.cupboard.workday.DaySegment;
import io.cupboard.workday.DayTemplate;
import io.cupboard.workday.WorkDays;
import org.springframework.stereotype.Service;

/**
 * Builds an agent's CUP: the ordered tasks from {@link CupQuery}, the current segment that lifts
 * one kind of work, and the work left against the shift. It reads in one round trip and without a
 * transaction: the agent's day comes with the CUP's query, and a transaction around the reads cost
 * the page a commit's round trip.
 */
@Service
public class Cups {

    private final CupQuery query;
    private final DaySchedules schedules;
    private final WorkDays workDays;
    private final Clock clock;

    Cups(CupQuery query, DaySchedules schedules, WorkDays workDays, Clock clock) {
        this.query = query;
        this.schedules = schedules;
        this.workDays = workDays;
        this.clock = clock;
    }

    /**
     * Returns the current CUP of an agent of a team, as the agent's page shows it. It is built
     * whether or not the agent has opened the day; {@link Cup#dayOpened()} returns which.
     */
    public Cup cupOf(long agentId, Long teamId) {
        Instant now = clock.instant();
        LocalDate today = workDays.today();
        Instant endOfToday = workDays.endOf(today);
        DayTemplate template = schedules.templateFor(teamId);
        Optional<DaySegment> segment = schedules.segmentAt(template, now);
        CupQuery.Due<AgentDay> due = query.due(agentId, now, endOfToday, focusOf(segment),
                workDays.agentDayRead(agentId, teamId, template, today));
        AgentDay day = due.alongside();
        Duration workLeft = day.handlingTime().multipliedBy(due.items().size());
        Duration shiftLeft = day.shift().map(value -> value.remainingAt(now)).orElse(Duration.ZERO);
        return new Cup(agentId, Cup.group(due.items()), due.laterCount(), segment,
                template.getSegments(), day.shift(), workLeft, shiftLeft, day.status());
    }

    /** Returns the lead of the first task the agent should work now, if any. */
    public Optional<Long> firstActionableLead(long agentId, Long teamId) {
        Instant now = clock.instant();
        return query.firstActionable(agentId, now, workDays.endOf(workDays.today()), focusOf(schedules.currentSegment(teamId, now)))
                .map(CupItem::leadId);
    }

    private static Set<TaskType> focusOf(Optional<DaySegment> segment) {
        return segment.map(value -> value.getFocus().taskTypes()).orElse(Set.of());
    }
}
