package io.cupboard.lead;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the admin-managed statuses, disqualification reasons and outcome settings.
 */
@Service
@Transactional(readOnly = true)
public class StatusCatalog {

    private final LeadStatusRepository statuses;
    private final DisqualificationReasonRepository reasons;
    private final OutcomeSettingRepository settings;

    StatusCatalog(LeadStatusRepository statuses, DisqualificationReasonRepository reasons, OutcomeSettingRepository settings) {
        this.statuses = statuses;
        this.reasons = reasons;
        this.settings = settings;
    }

    public List<LeadStatus> statuses() {
        return statuses.findAllByOrderBySortOrderAscIdAsc();
    }

    public Map<Long, LeadStatus> statusesById() {
        return statuses().stream().collect(Collectors.toMap(LeadStatus::getId, Function.identity()));
    }

    public Map<String, LeadStatus> statusesByCode() {
        return statuses().stream().collect(Collectors.toMap(LeadStatus::getCode, Function.identity()));
    }

    /** Returns the active open statuses whose task is a follow-up, which the agent may choose. */
    public List<LeadStatus> followUpStatuses() {
        return statuses().stream().filter(LeadStatus::isActive).filter(status -> status.getTaskType() == TaskType.FOLLOW_UP).toList();
    }

    public List<DisqualificationReason> reasons() {
        return reasons.findAllByOrderBySortOrderAscIdAsc();
    }

    public List<DisqualificationReason> activeReasons() {
        return reasons().stream().filter(DisqualificationReason::isActive).toList();
    }

    public Map<String, DisqualificationReason> reasonsByCode() {
        return reasons().stream().collect(Collectors.toMap(DisqualificationReason::getCode, Function.identity()));
    }

    public List<OutcomeSetting> outcomeSettings() {
        return settings.findAll().stream().sorted((first, second) -> first.getOutcome().compareTo(second.getOutcome())).toList();
    }
}
