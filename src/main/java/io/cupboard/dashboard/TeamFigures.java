package io.cupboard.dashboard;

import java.time.Duration;

/**
 * A team's hygiene figures: the sums of its agents' figures, with shares and the median computed
 * over the team's leads.
 */
public record TeamFigures(long teamId, String teamName, long agents, long cupSize, long dueToday, long overdue,
                          long missedCallbacks, long leadsWithoutTask, long newPastSla, Double slaComplianceToday,
                          Double slaComplianceWeek, Duration medianFirstContact, long attemptsToday, long contactsToday,
                          long salesToday, long daysOpened, long daysClosedClean) {
}
