package io.cupboard.lead.web;

import io.cupboard.lead.StatusCategory;
import io.cupboard.lead.StatusDefinition;
import io.cupboard.lead.TaskType;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The admin's status form; the code is only read when a status is created. */
record StatusForm(
        @Size(max = 40) String code,
        @NotBlank @Size(max = 100) String nameHe,
        @NotBlank @Size(max = 100) String nameEn,
        @NotNull StatusCategory category,
        TaskType taskType,
        @NotNull @Min(0) Integer defaultDelayMinutes,
        @NotNull @Min(0) Integer priorityRank,
        Integer version) {

    static StatusForm empty() {
        return new StatusForm("", "", "", StatusCategory.OPEN, TaskType.FOLLOW_UP, 1440, 40, 0);
    }

    StatusDefinition toDefinition() {
        return new StatusDefinition(code, nameHe, nameEn, category, taskType, defaultDelayMinutes, priorityRank);
    }
}
