package io.cupboard.workday;

import java.util.Set;

import io.cupboard.lead.TaskType;

/** The kind of work a day segment lifts in the CUP order. */
public enum SegmentFocus {
    NEW_LEADS(Set.of(TaskType.FIRST_CONTACT)),
    FOLLOW_UPS(Set.of(TaskType.FOLLOW_UP)),
    CALLBACKS_AND_RETRIES(Set.of(TaskType.CALLBACK, TaskType.RETRY));

    private final Set<TaskType> taskTypes;

    SegmentFocus(Set<TaskType> taskTypes) {
        this.taskTypes = taskTypes;
    }

    public Set<TaskType> taskTypes() {
        return taskTypes;
    }

    public String messageKey() {
        return "segment.focus." + name();
    }
}
