package io.cupboard.lead;

import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's changes to statuses, disqualification reasons and outcome settings. Statuses and
 * reasons that leads use are never deleted, only deactivated, so history keeps its meaning.
 */
@Service
@Transactional
public class StatusSettings {

    private static final Logger log = LoggerFactory.getLogger(StatusSettings.class);
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final int MAX_NAME = 100;

    private final LeadStatusRepository statuses;
    private final DisqualificationReasonRepository reasons;
    private final OutcomeSettingRepository settings;
    private final JdbcClient jdbc;
    private final LeadSettingsCache cache;

    StatusSettings(LeadStatusRepository statuses, DisqualificationReasonRepository reasons,
                   OutcomeSettingRepository settings, JdbcClient jdbc, LeadSettingsCache cache) {
        this.statuses = statuses;
        this.reasons = reasons;
        this.settings = settings;
        this.jdbc = jdbc;
        this.cache = cache;
    }

    public LeadStatus createStatus(StatusDefinition definition) {
        cache.invalidateAfterTransaction();
        String code = validCode(definition.code());
        if (statuses.existsByCodeIgnoreCase(code)) {
            throw new SettingsRejectedException("code", "settings.error.duplicateCode", "Status code " + code + " exists", code);
        }
        validateNames(definition.nameHe(), definition.nameEn());
        validateBehaviour(definition);
        int sortOrder = statuses.findAllByOrderBySortOrderAscIdAsc().stream().mapToInt(LeadStatus::getSortOrder).max().orElse(0) + 10;
        LeadStatus status = statuses.save(new LeadStatus(code, definition.nameHe(), definition.nameEn(), definition.category(),
                definition.taskType(), definition.defaultDelayMinutes(), definition.priorityRank(), sortOrder));
        log.info("Created status {} ({})", status.getId(), code);
        return status;
    }

    public void updateStatus(long id, int version, StatusDefinition definition) {
        cache.invalidateAfterTransaction();
        LeadStatus status = currentStatus(id, version);
        validateNames(definition.nameHe(), definition.nameEn());
        validateBehaviour(definition);
        if (status.isSystemStatus() && status.getCategory() != definition.category()) {
            throw new SettingsRejectedException("category", "settings.error.systemCategory",
                    "The category of system status " + status.getCode() + " cannot change");
        }
        if (status.isOpen() && !definition.category().equals(StatusCategory.OPEN) && openLeadsIn(id) > 0) {
            throw new SettingsRejectedException("category", "settings.error.statusInUseByOpenLeads",
                    "Status " + status.getCode() + " has open leads", openLeadsIn(id));
        }
        status.rename(definition.nameHe(), definition.nameEn());
        status.changeBehaviour(definition.category(), definition.taskType(), definition.defaultDelayMinutes(), definition.priorityRank());
    }

    public void setStatusActive(long id, int version, boolean active) {
        cache.invalidateAfterTransaction();
        LeadStatus status = currentStatus(id, version);
        if (active) {
            status.activate();
            return;
        }
        if (status.isSystemStatus()) {
            throw new SettingsRejectedException(null, "settings.error.systemStatus", "System status " + status.getCode() + " stays active");
        }
        if (jdbc.sql("select count(*) from outcome_setting where status_id = ?").param(id).query(Long.class).single() > 0) {
            throw new SettingsRejectedException(null, "settings.error.statusUsedByOutcome", "Status " + status.getCode() + " is an outcome target");
        }
        status.deactivate();
    }

    /** Deletes a status that no lead has ever had; a used one can only be deactivated. */
    public void deleteStatus(long id, int version) {
        cache.invalidateAfterTransaction();
        LeadStatus status = currentStatus(id, version);
        long uses = jdbc.sql("""
                select (select count(*) from lead where status_id = :id)
                     + (select count(*) from outcome_setting where status_id = :id)
                """).param("id", id).query(Long.class).single();
        if (status.isSystemStatus() || uses > 0) {
            throw new SettingsRejectedException(null, "settings.error.statusInUse", "Status " + status.getCode() + " is in use", uses);
        }
        statuses.delete(status);
        log.info("Deleted unused status {} ({})", id, status.getCode());
    }

    /** Moves a status one place up (towards the start) or down in the list. */
    public void moveStatus(long id, boolean up) {
        cache.invalidateAfterTransaction();
        List<LeadStatus> ordered = statuses.findAllByOrderBySortOrderAscIdAsc();
        swap(ordered.stream().map(status -> (Sortable) new SortableStatus(status)).toList(), id, up);
    }

    public DisqualificationReason createReason(String code, String nameHe, String nameEn) {
        String validCode = validCode(code);
        if (reasons.existsByCodeIgnoreCase(validCode)) {
            throw new SettingsRejectedException("code", "settings.error.duplicateCode", "Reason code " + validCode + " exists", validCode);
        }
        validateNames(nameHe, nameEn);
        int sortOrder = reasons.findAllByOrderBySortOrderAscIdAsc().stream().mapToInt(DisqualificationReason::getSortOrder).max().orElse(0) + 10;
        DisqualificationReason reason = reasons.save(new DisqualificationReason(validCode, nameHe, nameEn, sortOrder));
        log.info("Created disqualification reason {} ({})", reason.getId(), validCode);
        return reason;
    }

    public void renameReason(long id, int version, String nameHe, String nameEn) {
        validateNames(nameHe, nameEn);
        currentReason(id, version).rename(nameHe, nameEn);
    }

    public void setReasonActive(long id, int version, boolean active) {
        DisqualificationReason reason = currentReason(id, version);
        if (active) {
            reason.activate();
            return;
        }
        if (reason.isSystemReason()) {
            throw new SettingsRejectedException(null, "settings.error.systemReason", "System reason " + reason.getCode() + " stays active");
        }
        reason.deactivate();
    }

    public void deleteReason(long id, int version) {
        DisqualificationReason reason = currentReason(id, version);
        long uses = jdbc.sql("""
                select (select count(*) from lead where disqualification_reason_id = :id)
                     + (select count(*) from outcome_setting where reason_id = :id)
                """).param("id", id).query(Long.class).single();
        if (reason.isSystemReason() || uses > 0) {
            throw new SettingsRejectedException(null, "settings.error.reasonInUse", "Reason " + reason.getCode() + " is in use", uses);
        }
        reasons.delete(reason);
        log.info("Deleted unused disqualification reason {} ({})", id, reason.getCode());
    }

    public void moveReason(long id, boolean up) {
        List<DisqualificationReason> ordered = reasons.findAllByOrderBySortOrderAscIdAsc();
        swap(ordered.stream().map(reason -> (Sortable) new SortableReason(reason)).toList(), id, up);
    }

    /** Changes the status (and fixed reason) a call outcome leads to. */
    public void changeOutcome(CallOutcome outcome, long statusId, Long reasonId) {
        cache.invalidateAfterTransaction();
        OutcomeSetting setting = settings.findById(outcome).orElseThrow();
        LeadStatus status = statuses.findById(statusId)
                .orElseThrow(() -> new SettingsRejectedException("statusId", "settings.error.notFound", "Status " + statusId + " not found"));
        if (!status.isActive()) {
            throw new SettingsRejectedException("statusId", "settings.error.inactiveStatus", "Status " + status.getCode() + " is inactive");
        }
        if (outcome == CallOutcome.CALLBACK && status.getTaskType() != TaskType.CALLBACK
                || outcome == CallOutcome.FOLLOW_UP && status.getTaskType() != TaskType.FOLLOW_UP
                || outcome.isUnanswered() && status.getTaskType() != TaskType.RETRY) {
            throw new SettingsRejectedException("statusId", "settings.error.outcomeTaskMismatch",
                    "Status " + status.getCode() + " does not fit outcome " + outcome);
        }
        DisqualificationReason reason = reasonId == null ? null : reasons.findById(reasonId)
                .orElseThrow(() -> new SettingsRejectedException("reasonId", "settings.error.notFound", "Reason " + reasonId + " not found"));
        if ((outcome == CallOutcome.WRONG_NUMBER || outcome == CallOutcome.DO_NOT_CALL) && reason == null) {
            throw new SettingsRejectedException("reasonId", "settings.error.reasonRequired", "Outcome " + outcome + " needs a reason");
        }
        try {
            setting.change(status, outcome == CallOutcome.WRONG_NUMBER || outcome == CallOutcome.DO_NOT_CALL ? reason : null);
        } catch (IllegalArgumentException e) {
            throw new SettingsRejectedException("statusId", "settings.error.outcomeCategoryMismatch", e.getMessage());
        }
    }

    private void validateBehaviour(StatusDefinition definition) {
        if (definition.category() == null) {
            throw new SettingsRejectedException("category", "settings.error.categoryRequired", "A category is required");
        }
        if (definition.category() == StatusCategory.OPEN && definition.taskType() == null) {
            throw new SettingsRejectedException("taskType", "settings.error.openNeedsTask", "An open status needs a task type");
        }
        if (definition.category() != StatusCategory.OPEN && definition.taskType() != null) {
            throw new SettingsRejectedException("taskType", "settings.error.closedHasNoTask", "A closed status takes no task type");
        }
        if (definition.defaultDelayMinutes() < 0) {
            throw new SettingsRejectedException("defaultDelayMinutes", "settings.error.negativeDelay",
                    "Delay " + definition.defaultDelayMinutes() + " is negative");
        }
    }

    private static void validateNames(String nameHe, String nameEn) {
        if (nameHe == null || nameHe.isBlank()) {
            throw new SettingsRejectedException("nameHe", "settings.error.nameRequired", "A Hebrew name is required");
        }
        if (nameEn == null || nameEn.isBlank()) {
            throw new SettingsRejectedException("nameEn", "settings.error.nameRequired", "An English name is required");
        }
        if (nameHe.strip().length() > MAX_NAME || nameEn.strip().length() > MAX_NAME) {
            throw new SettingsRejectedException("nameHe", "settings.error.nameTooLong", "A name is longer than " + MAX_NAME, MAX_NAME);
        }
    }

    private static String validCode(String code) {
        String normalized = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(normalized).matches()) {
            throw new SettingsRejectedException("code", "settings.error.codeInvalid", "Code '" + normalized + "' is invalid");
        }
        return normalized;
    }

    private long openLeadsIn(long statusId) {
        return jdbc.sql("select count(*) from lead where status_id = ? and closed_at is null").param(statusId).query(Long.class).single();
    }

    private LeadStatus currentStatus(long id, int version) {
        LeadStatus status = statuses.findById(id)
                .orElseThrow(() -> new SettingsRejectedException(null, "settings.error.notFound", "Status " + id + " not found"));
        if (status.getVersion() != version) {
            throw new SettingsRejectedException(null, "settings.error.conflict", "Status " + id + " changed meanwhile");
        }
        return status;
    }

    private DisqualificationReason currentReason(long id, int version) {
        DisqualificationReason reason = reasons.findById(id)
                .orElseThrow(() -> new SettingsRejectedException(null, "settings.error.notFound", "Reason " + id + " not found"));
        if (reason.getVersion() != version) {
            throw new SettingsRejectedException(null, "settings.error.conflict", "Reason " + id + " changed meanwhile");
        }
        return reason;
    }

    private static void swap(List<Sortable> ordered, long id, boolean up) {
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).id() == id) {
                int other = up ? i - 1 : i + 1;
                if (other < 0 || other >= ordered.size()) {
                    return;
                }
                // Renumber everything so that equal or missing sort orders cannot block a move.
                for (int position = 0; position < ordered.size(); position++) {
                    ordered.get(position).moveTo((position + 1) * 10);
                }
                int mine = ordered.get(i).sortOrder();
                ordered.get(i).moveTo(ordered.get(other).sortOrder());
                ordered.get(other).moveTo(mine);
                return;
            }
        }
    }

    private interface Sortable {
        long id();

        int sortOrder();

        void moveTo(int sortOrder);
    }

    private record SortableStatus(LeadStatus status) implements Sortable {
        public long id() {
            return status.getId();
        }

        public int sortOrder() {
            return status.getSortOrder();
        }

        public void moveTo(int sortOrder) {
            status.moveTo(sortOrder);
        }
    }

    private record SortableReason(DisqualificationReason reason) implements Sortable {
        public long id() {
            return reason.getId();
        }

        public int sortOrder() {
            return reason.getSortOrder();
        }

        public void moveTo(int sortOrder) {
            reason.moveTo(sortOrder);
        }
    }
}
