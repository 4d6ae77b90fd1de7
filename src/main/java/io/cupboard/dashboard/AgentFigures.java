package io.cupboard.dashboard;

import java.time.Duration;
import java.time.Instant;

/**
 * One agent's CUP hygiene at a moment, as the team dashboard shows it.
 *
 * @param cupSize                open leads the agent owns
 * @param dueToday               open tasks due by the end of today (overdue ones included)
 * @param overdue                open tasks past their due time
 * @param missedCallbacks        callbacks due today not handled within the callback window
 * @param leadsWithoutTask       open leads with no open task: a defect, the target is zero
 * @param newPastSla             open first-contact tasks past their SLA deadline
 * @param slaComplianceToday     share of today's first contacts made by their deadline, or null when none were due
 * @param slaComplianceWeek      the same over the last 7 days
 * @param medianFirstContact     median time from arrival to the first call for today's leads, or null
 * @param attemptsToday          calls logged today
 * @param contactsToday          calls today that reached the person
 * @param salesToday             sales logged today
 * @param dayOpenedAt            when the agent opened today, or null
 * @param dayClosedClean         whether today's day is closed clean
 */
public record AgentFigures(long agentId, String agentName, long teamId, long cupSize, long dueToday, long overdue,
                           long missedCallbacks, long leadsWithoutTask, long newPastSla, Double slaComplianceToday,
                           Double slaComplianceWeek, Duration medianFirstContact, long attemptsToday, long contactsToday,
                           long salesToday, Instant dayOpenedAt, boolean dayClosedClean) {

    /**
     * Returns the hygiene score from 0 (worst) to 100: 100 minus 20 per lead without a task (at
     * most 40), 1 per overdue task (at most 25), 5 per missed callback (at most 15), 5 per new lead
     * past its SLA (at most 15), and 5 when the day is not opened.
     */
    public int hygieneScore() {
        long score = 100
                - Math.min(40, 20 * leadsWithoutTask)
                - Math.min(25, overdue)
                - Math.min(15, 5 * missedCallbacks)
                - Math.min(15, 5 * newPastSla)
                - (dayOpenedAt == null ? 5 : 0);
        return (int) Math.max(0, score);
    }
}
