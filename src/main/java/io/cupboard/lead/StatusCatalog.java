package io.cupboard.lead;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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
    private final LeadSettingsCache cache;

    StatusCatalog(LeadStatusRepository statuses, DisqualificationReasonRepository reasons, OutcomeSettingRepository settings,
                  LeadSettingsCache cache) {
        this.statuses = statuses;
        this.reasons = reasons;
        this.settings = settings;
        this.cache = cache;
    }

    public List<LeadStatus> statuses() {
        return statuses.findAllByOrderBySortOrderAscIdAsc();
    }

    /** Returns a status as the database has it now, for the admin's edit form, or null when none has the id. */
    public LeadStatus currentStatus(long id) {
        return statuses.findById(id).orElse(null);
    }

    /**
     * Returns every status by id, as unmanaged copies kept in memory: read them, never change them.
     * It joins a caller's transaction but opens none, because it is almost always a cache hit.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<Long, LeadStatus> statusesById() {
        return cache.statusesById();
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
