package io.cupboard.lead;

/**
 * A status as the admin enters it.
 *
 * @param taskType required for an open status, empty for a closed one
 * @param defaultDelayMinutes the task's default delay in business minutes
 * @param priorityRank lower ranks come earlier in the CUP
 */
public record StatusDefinition(String code, String nameHe, String nameEn, StatusCategory category, TaskType taskType,
                               int defaultDelayMinutes, int priorityRank) {
}
