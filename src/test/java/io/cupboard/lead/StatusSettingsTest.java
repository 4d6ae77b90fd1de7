package io.cupboard.lead;

import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class StatusSettingsTest {

    @Autowired
    StatusSettings settings;

    @Autowired
    StatusCatalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsOpenStatusWithTask() {
        String code = code("QUOTE");

        LeadStatus status = settings.createStatus(new StatusDefinition(code, "נשלחה הצעה", "Quote sent",
                StatusCategory.OPEN, TaskType.FOLLOW_UP, 2880, 45));

        assertThat(status.getId()).isNotNull();
        assertThat(catalog.statusesByCode().get(code).getTaskType()).isEqualTo(TaskType.FOLLOW_UP);
        assertThat(catalog.followUpStatuses()).extracting(LeadStatus::getCode).contains(code);
    }

    @Test
    void rejectsEmptyName() {
        assertRejected(() -> settings.createStatus(new StatusDefinition(code("EMPTY"), " ", "Name",
                StatusCategory.OPEN, TaskType.RETRY, 0, 1)), "nameHe", "settings.error.nameRequired");
    }

    @Test
    void rejectsDuplicateCode() {
        assertRejected(() -> settings.createStatus(new StatusDefinition("new", "חדש", "New",
                StatusCategory.OPEN, TaskType.FIRST_CONTACT, 0, 1)), "code", "settings.error.duplicateCode");
    }

    @Test
    void rejectsInvalidCode() {
        assertRejected(() -> settings.createStatus(new StatusDefinition("קוד", "שם", "Name",
                StatusCategory.OPEN, TaskType.RETRY, 0, 1)), "code", "settings.error.codeInvalid");
    }

    @Test
    void rejectsOpenStatusWithoutTask() {
        assertRejected(() -> settings.createStatus(new StatusDefinition(code("NOTASK"), "שם", "Name",
                StatusCategory.OPEN, null, 0, 1)), "taskType", "settings.error.openNeedsTask");
    }

    @Test
    void rejectsClosedStatusWithTask() {
        assertRejected(() -> settings.createStatus(new StatusDefinition(code("CLOSEDTASK"), "שם", "Name",
                StatusCategory.LOST, TaskType.RETRY, 0, 1)), "taskType", "settings.error.closedHasNoTask");
    }

    @Test
    void renamesStatusInBothLanguages() {
        LeadStatus status = createFollowUpStatus();

        settings.updateStatus(status.getId(), status.getVersion(), new StatusDefinition(status.getCode(), "שם חדש", "New name",
                StatusCategory.OPEN, TaskType.FOLLOW_UP, 60, 5));

        LeadStatus renamed = catalog.statusesById().get(status.getId());
        assertThat(renamed.getNameHe()).isEqualTo("שם חדש");
        assertThat(renamed.getNameEn()).isEqualTo("New name");
        assertThat(renamed.getDefaultDelayMinutes()).isEqualTo(60);
    }

    @Test
    void staleEditIsRejected() {
        LeadStatus status = createFollowUpStatus();
        settings.updateStatus(status.getId(), status.getVersion(), new StatusDefinition(status.getCode(), "ראשון", "First",
                StatusCategory.OPEN, TaskType.FOLLOW_UP, 60, 5));

        assertRejected(() -> settings.updateStatus(status.getId(), status.getVersion(), new StatusDefinition(status.getCode(),
                "שני", "Second", StatusCategory.OPEN, TaskType.FOLLOW_UP, 60, 5)), null, "settings.error.conflict");
        assertThat(catalog.statusesById().get(status.getId()).getNameHe()).isEqualTo("ראשון");
    }

    @Test
    void reordersStatuses() {
        LeadStatus first = createFollowUpStatus();
        LeadStatus second = createFollowUpStatus();

        settings.moveStatus(second.getId(), true);

        var codes = catalog.statuses().stream().map(LeadStatus::getCode).toList();
        assertThat(codes.indexOf(second.getCode())).isLessThan(codes.indexOf(first.getCode()));
    }

    @Test
    void deactivatesAndReactivatesStatus() {
        LeadStatus status = createFollowUpStatus();

        settings.setStatusActive(status.getId(), status.getVersion(), false);
        assertThat(catalog.statusesById().get(status.getId()).isActive()).isFalse();
        assertThat(catalog.followUpStatuses()).extracting(LeadStatus::getCode).doesNotContain(status.getCode());

        settings.setStatusActive(status.getId(), status.getVersion() + 1, true);
        assertThat(catalog.statusesById().get(status.getId()).isActive()).isTrue();
    }

    @Test
    void systemStatusStaysActive() {
        LeadStatus status = catalog.statusesByCode().get("NEW");

        assertRejected(() -> settings.setStatusActive(status.getId(), status.getVersion(), false), null, "settings.error.systemStatus");
    }

    @Test
    void usedStatusIsNotDeleted() {
        LeadStatus status = createFollowUpStatus();
        jdbc.sql("insert into lead (full_name, type, status_id, created_at) values ('בשימוש', 'NEW', ?, now())")
                .param(status.getId()).update();

        assertRejected(() -> settings.deleteStatus(status.getId(), status.getVersion()), null, "settings.error.statusInUse");
        assertThat(catalog.statusesById()).containsKey(status.getId());
    }

    @Test
    void unusedStatusIsDeleted() {
        LeadStatus status = createFollowUpStatus();

        settings.deleteStatus(status.getId(), status.getVersion());

        assertThat(catalog.statusesById()).doesNotContainKey(status.getId());
    }

    @Test
    void createsAndRenamesReason() {
        DisqualificationReason reason = settings.createReason(code("BUDGET"), "אין תקציב", "No budget");

        settings.renameReason(reason.getId(), reason.getVersion(), "אין תקציב השנה", "No budget this year");

        assertThat(catalog.reasonsByCode().get(reason.getCode()).getNameHe()).isEqualTo("אין תקציב השנה");
    }

    @Test
    void usedReasonIsNotDeleted() {
        DisqualificationReason reason = settings.createReason(code("USED"), "בשימוש", "In use");
        jdbc.sql("insert into lead (full_name, type, status_id, created_at, closed_at, disqualification_reason_id) "
                        + "values ('נפסל', 'NEW', (select id from lead_status where code = 'NOT_RELEVANT'), now(), now(), ?)")
                .param(reason.getId()).update();

        assertRejected(() -> settings.deleteReason(reason.getId(), reason.getVersion()), null, "settings.error.reasonInUse");
    }

    @Test
    void unusedReasonIsDeleted() {
        DisqualificationReason reason = settings.createReason(code("UNUSED"), "לא בשימוש", "Unused");

        settings.deleteReason(reason.getId(), reason.getVersion());

        assertThat(catalog.reasonsByCode()).doesNotContainKey(reason.getCode());
    }

    @Test
    void systemReasonStaysActive() {
        DisqualificationReason reason = catalog.reasonsByCode().get("WRONG_NUMBER");

        assertRejected(() -> settings.setReasonActive(reason.getId(), reason.getVersion(), false), null, "settings.error.systemReason");
    }

    @Test
    void outcomeNeedsFittingStatus() {
        LeadStatus won = catalog.statusesByCode().get("WON");

        assertRejected(() -> settings.changeOutcome(CallOutcome.CALLBACK, won.getId(), null), "statusId",
                "settings.error.outcomeTaskMismatch");
    }

    @Test
    void followUpOutcomeMovesToChosenStatus() {
        LeadStatus status = createFollowUpStatus();
        long before = catalog.outcomeSettings().stream().filter(setting -> setting.getOutcome() == CallOutcome.FOLLOW_UP)
                .findFirst().orElseThrow().getStatusId();
        try {
            settings.changeOutcome(CallOutcome.FOLLOW_UP, status.getId(), null);

            assertThat(catalog.outcomeSettings()).filteredOn(setting -> setting.getOutcome() == CallOutcome.FOLLOW_UP)
                    .extracting(OutcomeSetting::getStatusId).containsExactly(status.getId());
        } finally {
            settings.changeOutcome(CallOutcome.FOLLOW_UP, before, null);
        }
    }

    private LeadStatus createFollowUpStatus() {
        return settings.createStatus(new StatusDefinition(code("FOLLOW"), "מעקב", "Tracking", StatusCategory.OPEN,
                TaskType.FOLLOW_UP, 120, 50));
    }

    private static String code(String prefix) {
        return (prefix + "_" + Fixtures.unique("X").replaceAll("[^0-9]", "_")).toUpperCase();
    }

    private static void assertRejected(Runnable action, String field, String key) {
        assertThatThrownBy(action::run)
                .isInstanceOf(SettingsRejectedException.class)
                .satisfies(error -> {
                    SettingsRejectedException rejected = (SettingsRejectedException) error;
                    assertThat(rejected.messageKey()).isEqualTo(key);
                    assertThat(rejected.field()).isEqualTo(field);
                });
    }
}
