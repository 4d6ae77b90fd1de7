package io.cupboard.workday;

import java.time.Instant;

import io.cupboard.lead.TaskType;

/** An open task due by the end of the day, as the day-close list shows it. */
public record DueTask(long taskId, long leadId, String leadName, String phoneDisplay, TaskType type, Instant dueAt,
                      int carriedCount) {
}
