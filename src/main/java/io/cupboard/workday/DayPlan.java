package io.cupboard.workday;

import java.util.List;
import java.util.Optional;

/**
 * The agent's day as the opening page shows it.
 *
 * @param carriedOver open tasks due before today
 * @param callbacksToday callbacks booked for today
 * @param newLeadsWaiting open first-contact tasks
 * @param dueToday every open task due by the end of today, the carried-over ones included
 */
public record DayPlan(long carriedOver, long callbacksToday, long newLeadsWaiting, long dueToday,
                      List<DaySegment> segments, Optional<Shift> shift) {
}
