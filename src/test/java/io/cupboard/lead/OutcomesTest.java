package io.cupboard.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class OutcomesTest {

    static final Instant TUESDAY_MORNING = io.cupboard.support.TestTimes.TUESDAY_MORNING;

    @Autowired
    Outcomes outcomes;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatusCatalog catalog;

    @Autowired
    StatusSettings statusSettings;

    private User agent;
    private CurrentUser agentUser;
    private Lead lead;

    @BeforeEach
    void createLead() {
        clock.setInstant(TUESDAY_MORNING);
        Team team = fixtures.team();
        agent = fixtures.agent(team);
        agentUser = fixtures.signedIn(agent);
        lead = fixtures.lead(agent);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void noAnswerCountsAttemptAndSchedulesRetry() {
        OutcomeResult result = record(OutcomeRequest.of(CallOutcome.NO_ANSWER));

        assertThat(result.statusCode()).isEqualTo("ATTEMPTING");
        assertThat(result.nextTaskType()).isEqualTo(TaskType.RETRY);
        assertThat(result.nextDueAt()).isEqualTo(TUESDAY_MORNING.plus(Duration.ofMinutes(30)));
        Map<String, Object> row = leadRow();
        assertThat(row.get("attempt_count")).isEqualTo(1);
        assertThat(row.get("first_contact_at")).isNotNull();
        assertThat(openTasks()).containsExactly("RETRY");
        assertThat(count("select count(*) from task where lead_id = ? and state = 'DONE'")).isEqualTo(1);
    }

    @Test
    void outcomeWritesTheLeadOnce() {
        int before = version();

        record(OutcomeRequest.of(CallOutcome.NO_ANSWER));

        assertThat(version()).isEqualTo(before + 1);
    }

    @Test
    void busyCountsAsAttempt() {
        record(OutcomeRequest.of(CallOutcome.BUSY));
        OutcomeResult second = record(OutcomeRequest.of(CallOutcome.BUSY));

        assertThat(leadRow().get("attempt_count")).isEqualTo(2);
        assertThat(second.nextDueAt()).isEqualTo(TUESDAY_MORNING.plus(Duration.ofMinutes(120)));
    }

    @Test
    void retryDueTimeCountsBusinessHoursOnly() {
        clock.setInstant(Instant.parse("2026-12-08T16:50:00Z"));

        OutcomeResult result = record(OutcomeRequest.of(CallOutcome.NO_ANSWER));

        // 18:50 plus 30 business minutes: 10 minutes on Tuesday, 20 on Wednesday from 09:00.
        assertThat(result.nextDueAt()).isEqualTo(Instant.parse("2026-12-09T07:20:00Z"));
    }

    @Test
    void lastAttemptMovesLeadToTeamPool() {
        for (int attempt = 1; attempt < 5; attempt++) {
            record(OutcomeRequest.of(CallOutcome.NO_ANSWER));
        }

        OutcomeResult last = record(OutcomeRequest.of(CallOutcome.NO_ANSWER));

        assertThat(last.movedToPool()).isTrue();
        Map<String, Object> row = leadRow();
        assertThat(row.get("owner_id")).isNull();
        assertThat(row.get("team_id")).isEqualTo(agent.getTeamId());
        assertThat(row.get("wave")).isEqualTo(2);
        assertThat(row.get("attempt_count")).isEqualTo(0);
        assertThat(count("select count(*) from task where lead_id = ? and state = 'OPEN' and owner_id is null")).isEqualTo(1);
    }

    @Test
    void lastWaveClosesLeadAsUnreachable() {
        CurrentUser manager = fixtures.signedIn(fixtures.user(Role.MANAGER, null));
        for (int attempt = 1; attempt <= 10; attempt++) {
            outcomes.record(lead.getId(), version(), OutcomeRequest.of(CallOutcome.NO_ANSWER), manager);
        }

        Map<String, Object> row = leadRow();
        assertThat(statusCode(row)).isEqualTo("UNREACHABLE");
        assertThat(row.get("closed_at")).isNotNull();
        assertThat(reasonCode(row)).isEqualTo("NO_CONTACT");
        assertThat(openTasks()).isEmpty();
    }

    @Test
    void callbackCreatesTaskAtAgreedTime() {
        Instant agreed = Instant.parse("2026-12-08T12:30:00Z");

        OutcomeResult result = record(OutcomeRequest.callback(agreed));

        assertThat(result.statusCode()).isEqualTo("CALLBACK");
        assertThat(result.nextTaskType()).isEqualTo(TaskType.CALLBACK);
        assertThat(result.nextDueAt()).isEqualTo(agreed);
        assertThat(leadRow().get("attempt_count")).isEqualTo(0);
    }

    @Test
    void callbackInPastIsRejected() {
        assertThatThrownBy(() -> record(OutcomeRequest.callback(TUESDAY_MORNING.minusSeconds(60))))
                .isInstanceOf(LeadRuleException.class)
                .extracting(error -> ((LeadRuleException) error).messageKey())
                .isEqualTo("outcome.error.callbackInPast");
        assertThat(openTasks()).containsExactly("FIRST_CONTACT");
    }

    @Test
    void callbackOutsideHoursProposesNextSlot() {
        // Saturday is closed; the next opening is Sunday 09:00.
        Instant saturday = Instant.parse("2026-12-12T10:00:00Z");

        assertThatThrownBy(() -> record(OutcomeRequest.callback(saturday)))
                .isInstanceOf(LeadRuleException.class)
                .satisfies(error -> {
                    LeadRuleException rule = (LeadRuleException) error;
                    assertThat(rule.messageKey()).isEqualTo("outcome.error.callbackOutsideHours");
                    assertThat(rule.arguments()).containsExactly(Instant.parse("2026-12-13T07:00:00Z"));
                });
    }

    @Test
    void followUpUsesStatusDelayInBusinessTime() {
        OutcomeResult result = record(OutcomeRequest.of(CallOutcome.FOLLOW_UP));

        assertThat(result.statusCode()).isEqualTo("FOLLOW_UP");
        assertThat(result.nextTaskType()).isEqualTo(TaskType.FOLLOW_UP);
        assertThat(result.nextDueAt()).isEqualTo(calendar.addBusinessMinutes(TUESDAY_MORNING, 1440));
        assertThat(leadRow().get("follow_up_count")).isEqualTo(1);
    }

    @Test
    void saleClosesLeadAsWon() {
        OutcomeResult result = record(OutcomeRequest.of(CallOutcome.SALE));

        assertThat(result.closed()).isTrue();
        assertThat(statusCode(leadRow())).isEqualTo("WON");
        assertThat(leadRow().get("closed_at")).isNotNull();
        assertThat(openTasks()).isEmpty();
    }

    @Test
    void disqualifyingWithoutReasonIsRejected() {
        assertThatThrownBy(() -> record(new OutcomeRequest(CallOutcome.NOT_RELEVANT, null, null, null, null)))
                .isInstanceOf(LeadRuleException.class)
                .extracting(error -> ((LeadRuleException) error).messageKey())
                .isEqualTo("outcome.error.reasonRequired");
        assertThat(leadRow().get("closed_at")).isNull();
        assertThat(openTasks()).containsExactly("FIRST_CONTACT");
    }

    @Test
    void notRelevantRecordsReason() {
        long price = catalog.reasonsByCode().get("PRICE").getId();

        record(OutcomeRequest.notRelevant(price));

        Map<String, Object> row = leadRow();
        assertThat(statusCode(row)).isEqualTo("NOT_RELEVANT");
        assertThat(reasonCode(row)).isEqualTo("PRICE");
        assertThat(openTasks()).isEmpty();
    }

    @Test
    void inactiveReasonIsRejected() {
        long reasonId = jdbc.sql("insert into disqualification_reason (code, name_he, name_en, sort_order, active) "
                        + "values (?, 'ישן', 'Old', 999, false) returning id")
                .param("OLD_" + System.nanoTime()).query(Long.class).single();

        assertThatThrownBy(() -> record(OutcomeRequest.notRelevant(reasonId)))
                .extracting(error -> ((LeadRuleException) error).messageKey())
                .isEqualTo("outcome.error.reasonInactive");
    }

    @Test
    void wrongNumberListsTheNumber() {
        record(OutcomeRequest.of(CallOutcome.WRONG_NUMBER));

        assertThat(reasonCode(leadRow())).isEqualTo("WRONG_NUMBER");
        assertThat(jdbc.sql("select reason from do_not_call where phone_e164 = ?").param(lead.getPhoneE164())
                .query(String.class).single()).isEqualTo("WRONG_NUMBER");
    }

    @Test
    void doNotCallListsTheNumber() {
        record(OutcomeRequest.of(CallOutcome.DO_NOT_CALL));

        assertThat(reasonCode(leadRow())).isEqualTo("DO_NOT_CALL");
        assertThat(jdbc.sql("select reason, added_by from do_not_call where phone_e164 = ?").param(lead.getPhoneE164())
                .query((row, number) -> row.getString(1) + "/" + row.getLong(2)).single())
                .isEqualTo("REQUESTED/" + agent.getId());
    }

    @Test
    void closedLeadRejectsOutcome() {
        record(OutcomeRequest.of(CallOutcome.SALE));

        assertThatThrownBy(() -> record(OutcomeRequest.of(CallOutcome.NO_ANSWER))).isInstanceOf(LeadClosedException.class);
    }

    @Test
    void noteIsKeptExactly() {
        String note = "הלקוח ביקש הצעה 😊\nשורה שנייה: <b>לא HTML</b>\n\n  רווחים  ";

        record(new OutcomeRequest(CallOutcome.NO_ANSWER, null, null, null, note));

        assertThat(jdbc.sql("select note from activity where lead_id = ? and kind = 'CALL'").param(lead.getId())
                .query(String.class).single()).isEqualTo(note);
    }

    @Test
    void callActivityRecordsStatusChangeAndNextTask() {
        record(OutcomeRequest.of(CallOutcome.NO_ANSWER));

        Map<String, Object> activity = jdbc.sql("""
                select outcome, actor_id, details ->> 'fromStatus' as from_status, details ->> 'toStatus' as to_status,
                       details ->> 'nextTask' as next_task
                from activity where lead_id = ? and kind = 'CALL'
                """).param(lead.getId()).query().singleRow();
        assertThat(activity).containsEntry("outcome", "NO_ANSWER").containsEntry("actor_id", agent.getId())
                .containsEntry("from_status", "NEW").containsEntry("to_status", "ATTEMPTING").containsEntry("next_task", "RETRY");
    }

    @Test
    void staleVersionIsAConflict() {
        int seen = version();
        record(OutcomeRequest.of(CallOutcome.NO_ANSWER));

        assertThatThrownBy(() -> outcomes.record(lead.getId(), seen, OutcomeRequest.of(CallOutcome.SALE), agentUser))
                .isInstanceOf(LeadConflictException.class);
        assertThat(statusCode(leadRow())).isEqualTo("ATTEMPTING");
    }

    @Test
    void simultaneousSavesLetOnlyOneThrough() throws Exception {
        int seen = version();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Callable<String> sale = () -> attempt(seen, OutcomeRequest.of(CallOutcome.SALE));
            Callable<String> noAnswer = () -> attempt(seen, OutcomeRequest.of(CallOutcome.NO_ANSWER));
            List<Future<String>> results = executor.invokeAll(List.of(sale, noAnswer));

            List<String> outcomesSeen = List.of(results.get(0).get(), results.get(1).get());
            assertThat(outcomesSeen).containsOnlyOnce("conflict");
            assertThat(outcomesSeen).containsOnlyOnce("ok");
        } finally {
            executor.shutdownNow();
        }
        assertThat(count("select count(*) from activity where lead_id = ? and kind = 'CALL'")).isEqualTo(1);
    }

    @Test
    void otherAgentCannotRecordOutcome() {
        User other = fixtures.agent(fixtures.team());

        assertThatThrownBy(() -> outcomes.record(lead.getId(), version(), OutcomeRequest.of(CallOutcome.SALE), fixtures.signedIn(other)))
                .isInstanceOf(LeadNotFoundException.class);
        assertThat(leadRow().get("closed_at")).isNull();
    }

    @Test
    void changedOutcomeSettingAppliesAtOnce() {
        record(OutcomeRequest.of(CallOutcome.FOLLOW_UP));
        LeadStatus quote = createFollowUpStatus(60);
        long before = catalog.outcomeSettings().stream().filter(setting -> setting.getOutcome() == CallOutcome.FOLLOW_UP)
                .findFirst().orElseThrow().getStatusId();
        try {
            statusSettings.changeOutcome(CallOutcome.FOLLOW_UP, quote.getId(), null);

            OutcomeResult result = record(OutcomeRequest.of(CallOutcome.FOLLOW_UP));

            assertThat(result.statusCode()).isEqualTo(quote.getCode());
            assertThat(statusCode(leadRow())).isEqualTo(quote.getCode());
        } finally {
            statusSettings.changeOutcome(CallOutcome.FOLLOW_UP, before, null);
        }
    }

    @Test
    void changedStatusDelayAppliesAtOnce() {
        LeadStatus quote = createFollowUpStatus(60);
        OutcomeResult first = record(new OutcomeRequest(CallOutcome.FOLLOW_UP, null, null, quote.getId(), null));
        assertThat(first.nextDueAt()).isEqualTo(calendar.addBusinessMinutes(TUESDAY_MORNING, 60));

        statusSettings.updateStatus(quote.getId(), quote.getVersion(), new StatusDefinition(quote.getCode(), "נשלחה הצעה",
                "Quote sent", StatusCategory.OPEN, TaskType.FOLLOW_UP, 180, 45));
        OutcomeResult second = record(new OutcomeRequest(CallOutcome.FOLLOW_UP, null, null, quote.getId(), null));

        assertThat(second.nextDueAt()).isEqualTo(calendar.addBusinessMinutes(TUESDAY_MORNING, 180));
    }

    @Test
    void deactivatedStatusIsRejectedAtOnce() {
        LeadStatus quote = createFollowUpStatus(60);
        record(new OutcomeRequest(CallOutcome.FOLLOW_UP, null, null, quote.getId(), null));

        statusSettings.setStatusActive(quote.getId(), quote.getVersion(), false);

        assertThatThrownBy(() -> record(new OutcomeRequest(CallOutcome.FOLLOW_UP, null, null, quote.getId(), null)))
                .isInstanceOf(LeadRuleException.class);
        assertThat(statusCode(leadRow())).isEqualTo(quote.getCode());
    }

    private LeadStatus createFollowUpStatus(int delayMinutes) {
        String code = ("QUOTE_" + Fixtures.unique("X").replaceAll("[^0-9]", "_")).toUpperCase();
        return statusSettings.createStatus(new StatusDefinition(code, "נשלחה הצעה", "Quote sent", StatusCategory.OPEN,
                TaskType.FOLLOW_UP, delayMinutes, 45));
    }

    private String attempt(int version, OutcomeRequest request) {
        try {
            outcomes.record(lead.getId(), version, request, agentUser);
            return "ok";
        } catch (LeadConflictException e) {
            return "conflict";
        }
    }

    private OutcomeResult record(OutcomeRequest request) {
        return outcomes.record(lead.getId(), version(), request, agentUser);
    }

    private int version() {
        return jdbc.sql("select version from lead where id = ?").param(lead.getId()).query(Integer.class).single();
    }

    private Map<String, Object> leadRow() {
        return jdbc.sql("select * from lead where id = ?").param(lead.getId()).query().singleRow();
    }

    private List<String> openTasks() {
        return jdbc.sql("select type from task where lead_id = ? and state = 'OPEN'").param(lead.getId()).query(String.class).list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(lead.getId()).query(Long.class).single();
    }

    private String statusCode(Map<String, Object> row) {
        return jdbc.sql("select code from lead_status where id = ?").param(row.get("status_id")).query(String.class).single();
    }

    private String reasonCode(Map<String, Object> row) {
        return jdbc.sql("select code from disqualification_reason where id = ?").param(row.get("disqualification_reason_id"))
                .query(String.class).single();
    }
}
