package io.cupboard.lead;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves open tasks to another time: one task by an agent closing the day, all of an agent's due
 * tasks to the next morning, or the tasks of agents who did not close their day (set-based).
 * Every move writes a TASK_CARRIED entry with the reason.
 */
@Service
public class TaskScheduling {

    /** The longest carry reason accepted, which is the column's size. */
    public static final int MAX_REASON_LENGTH = 500;

    private final LeadAccess access;
    private final TaskRepository tasks;
    private final BusinessCalendar calendar;
    private final Timeline timeline;
    private final JdbcClient jdbc;
    private final Clock clock;

    TaskScheduling(LeadAccess access, TaskRepository tasks, BusinessCalendar calendar, Timeline timeline, JdbcClient jdbc,
                   Clock clock) {
        this.access = access;
        this.tasks = tasks;
        this.calendar = calendar;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Carries one open task of a lead the user may change to a later business time.
     *
     * @throws LeadRuleException when the time is in the past, on a closed day or outside working
     *                           hours (the message proposes the next open slot), or the reason is missing
     */
    @Transactional
    public void carryForward(long taskId, Instant newDue, String reason, CurrentUser user) {
        Task task = tasks.findById(taskId).orElseThrow(() -> new LeadNotFoundException(null));
        access.lockVisible(task.getLeadId(), user);
        if (task.getState() != TaskState.OPEN) {
            throw new LeadRuleException("carry.error.taskClosed", "Task " + taskId + " is " + task.getState());
        }
        validateCarry(newDue, reason);
        Instant previous = task.getDueAt();
        task.carryForward(newDue, reason.strip());
        timeline.record(task.getLeadId(), ActivityKind.TASK_CARRIED, null, null, user.id(), clock.instant(),
                carryDetails(previous, newDue, reason.strip()));
    }

    /** Checks a carry-forward target and reason, and throws with the message key shown to the user. */
    public void validateCarry(Instant newDue, String reason) {
        Instant now = clock.instant();
        if (reason == null || reason.isBlank()) {
            throw new LeadRuleException("carry.error.reasonRequired", "A reason is required to carry a task forward");
        }
        if (reason.strip().length() > MAX_REASON_LENGTH) {
            throw new LeadRuleException("carry.error.reasonTooLong", "The carry reason is too long", MAX_REASON_LENGTH);
        }
        if (newDue == null) {
            throw new LeadRuleException("carry.error.timeRequired", "A new time is required");
        }
        if (!newDue.isAfter(now)) {
            throw new LeadRuleException("carry.error.past", "Carry target " + newDue + " is in the past", calendar.nextOpenSlot(now));
        }
        if (!calendar.isOpen(newDue)) {
            boolean closedDay = calendar.hoursOn(newDue.atZone(calendar.zone()).toLocalDate()).isEmpty();
            throw new LeadRuleException(closedDay ? "carry.error.closedDay" : "carry.error.outsideHours",
                    "Carry target " + newDue + " is not in business hours", calendar.nextOpenSlot(newDue));
        }
    }

    /**
     * Carries every open task of the given agents that is due before {@code dueBefore}, spreading
     * them from {@code firstSlot} one {@code spacing} apart per agent in their due order, in one
     * statement, and writes a TASK_CARRIED entry for each.
     *
     * @param actorId the user who carried them, or null for the system
     * @return how many tasks moved
     */
    @Transactional
    public int carryDueTasks(Collection<Long> agentIds, Instant dueBefore, Instant firstSlot, Duration spacing, String reason,
                             Long actorId) {
        if (agentIds.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        // The due tasks are read agent by agent from the owner's index. Given the agents as one array,
        // the planner read every open task, the pools' overdue ones included, and filtered them.
        // "offset 0" keeps it from merging the lateral subquery into such a join. The carried tasks
        // are then found by id (= any(array(...))): joined to the set alone, the planner read every
        // open task again.
        int moved = jdbc.sql("""
                        with due as (
                            select t.id, t.lead_id, t.due_at,
                                   row_number() over (partition by t.owner_id order by t.due_at, t.id) - 1 as position
                            from (select distinct unnest(cast(:agents as bigint[]))) as agent(id)
                            cross join lateral (
                                select task.id, task.lead_id, task.owner_id, task.due_at
                                from task
                                where task.owner_id = agent.id and task.state = 'OPEN' and task.due_at < :dueBefore
                                offset 0
                            ) as t
                        ), moved as (
                            update task t
                            set due_at = cast(:firstSlot as timestamptz) + due.position * make_interval(secs => :spacingSeconds),
                                original_due_at = coalesce(t.original_due_at, t.due_at),
                                carried_count = t.carried_count + 1,
                                carry_reason = :reason,
                                version = t.version + 1
                            from due
                            where t.id = any(array(select id from due)) and t.id = due.id
                            returning t.lead_id, due.due_at as previous_due, t.due_at as new_due
                        )
                        insert into activity (lead_id, kind, actor_id, created_at, details)
                        select lead_id, 'TASK_CARRIED', :actorId, :now,
                               jsonb_build_object('from', previous_due, 'to', new_due, 'reason', :reason::text)
                        from moved
                        """)
                .param("agents", agentIds.toArray(Long[]::new))
                .param("dueBefore", Timestamp.from(dueBefore))
                .param("firstSlot", Timestamp.from(firstSlot))
                .param("spacingSeconds", (double) spacing.toSeconds())
                .param("reason", reason)
                .param("actorId", actorId)
                .param("now", Timestamp.from(now))
                .update();
        return moved;
    }

    private static Map<String, Object> carryDetails(Instant previous, Instant newDue, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", previous.toString());
        details.put("to", newDue.toString());
        details.put("reason", reason);
        return details;
    }
}
