package io.cupboard.cup;

import java.time.Instant;

import io.cupboard.lead.LeadType;
import io.cupboard.lead.TaskType;

/**
 * One task in the CUP with what the row shows and why it ranks where it does.
 *
 * @param leadSource   the lead's source, whose contact policy may set other attempt limits than its type's
 * @param classRank    the priority class after the current segment's lift; lower comes first
 * @param lifted       whether the current day segment lifted this task's class
 * @param actionable   whether the task should be worked now: a retry or callback before its time is not
 */
public record CupItem(long taskId, TaskType taskType, Instant dueAt, Instant slaDeadlineAt, long leadId, String leadName,
                      String phoneE164, String phoneDisplay, LeadType leadType, String leadSource, long statusId, int attemptCount,
                      CupSection section, int classRank, boolean lifted, boolean actionable) {
}
