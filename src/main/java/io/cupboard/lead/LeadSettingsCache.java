package io.cupboard.lead;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.cupboard.shared.SettingsCache;
import io.cupboard.shared.SettingsCacheProperties;
import org.springframework.stereotype.Component;

/**
 * Lead statuses and outcome settings as every call outcome reads them, kept in memory so that an
 * outcome does not query them each time. The values are unmanaged copies shared between threads:
 * read them, never change them. {@link StatusSettings} drops them when the admin changes either.
 */
@Component
class LeadSettingsCache {

    private final LeadStatusRepository statuses;
    private final OutcomeSettingRepository settings;
    private final SettingsCache<Long, Optional<LeadStatus>> statusesById;
    private final SettingsCache<String, Optional<LeadStatus>> statusesByCode;
    private final SettingsCache<CallOutcome, OutcomeSetting> outcomeSettings;
    /** Every status by id, under one key: pages that show many leads read them all at once. */
    private final SettingsCache<Boolean, Map<Long, LeadStatus>> everyStatus;

    LeadSettingsCache(LeadStatusRepository statuses, OutcomeSettingRepository settings, SettingsCacheProperties properties) {
        this.statuses = statuses;
        this.settings = settings;
        this.statusesById = new SettingsCache<>(properties);
        this.statusesByCode = new SettingsCache<>(properties);
        this.outcomeSettings = new SettingsCache<>(properties);
        this.everyStatus = new SettingsCache<>(properties);
    }

    Optional<LeadStatus> status(long id) {
        return statusesById.get(id, key -> statuses.findById(key).map(LeadStatus::unmanagedCopy));
    }

    Optional<LeadStatus> statusByCode(String code) {
        return statusesByCode.get(code, key -> statuses.findByCode(key).map(LeadStatus::unmanagedCopy));
    }

    /** Returns every status by id, in the admin's order. */
    Map<Long, LeadStatus> statusesById() {
        return everyStatus.get(Boolean.TRUE, key -> {
            Map<Long, LeadStatus> byId = new LinkedHashMap<>();
            statuses.findAllByOrderBySortOrderAscIdAsc().forEach(status -> byId.put(status.getId(), status.unmanagedCopy()));
            return Collections.unmodifiableMap(byId);
        });
    }

    /** Returns the setting of an outcome. The migrations create one for every outcome. */
    OutcomeSetting outcomeSetting(CallOutcome outcome) {
        return outcomeSettings.get(outcome, key -> settings.findById(key).orElseThrow(
                () -> new IllegalStateException("No outcome setting for " + key)).unmanagedCopy());
    }

    /** Drops every cached status and setting when the admin's transaction ends. */
    void invalidateAfterTransaction() {
        statusesById.invalidateAfterTransaction();
        statusesByCode.invalidateAfterTransaction();
        outcomeSettings.invalidateAfterTransaction();
        everyStatus.invalidateAfterTransaction();
    }
}
