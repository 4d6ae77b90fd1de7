package io.cupboard.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.lead.AttemptsEnd;
import io.cupboard.lead.CallOutcome;
import io.cupboard.lead.ContactPolicies;
import io.cupboard.lead.ContactPolicy;
import io.cupboard.lead.Lead;
import io.cupboard.lead.LeadAssignments;
import io.cupboard.lead.LeadContact;
import io.cupboard.lead.LeadRegistration;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.OutcomeRequest;
import io.cupboard.lead.OutcomeResult;
import io.cupboard.lead.Outcomes;
import io.cupboard.lead.RetryStep;
import io.cupboard.lead.SettingsRejectedException;
import io.cupboard.lead.StatusCatalog;
import io.cupboard.lead.TaskType;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Contact policies from the database, their validation, and each path they give call outcomes.
 * Every test works on its own lead source, so its policies touch no other test's leads. The clock
 * is set to Tuesday 8 December 2026, 10:00 in Israel.
 */
@IntegrationTest
class ContactPoliciesTest {

    private static final Instant TUESDAY_TEN = TestTimes.TUESDAY_MORNING;

    @Autowired
    ContactPolicySettings settings;

    @Autowired
    ContactPolicies policies;

    @Autowired
    Outcomes outcomes;

    @Autowired
    LeadRegistration registration;

    @Autowired
    LeadAssignments assignments;

    @Autowired
    StatusCatalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private String source;
    private Team team;
    private User agent;
    private CurrentUser agentUser;

    @BeforeEach
    void setUp() {
        clock.setInstant(TUESDAY_TEN);
        source = Fixtures.unique("source");
        team = fixtures.team();
        agent = fixtures.agent(team);
        agentUser = fixtures.signedIn(agent);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyLeadTypeHasBasePolicy() {
        for (LeadType type : LeadType.values()) {
            ContactPolicy policy = policies.policyFor(type, null);

            assertThat(policy.firstContactMinutes()).as(type.name()).isEqualTo(5);
            assertThat(policy.maxAttempts()).as(type.name()).isEqualTo(5);
            assertThat(policy.retrySchedule()).as(type.name()).containsExactly(RetryStep.minutes(30), RetryStep.minutes(120),
                    RetryStep.nextDayOtherHour(90), RetryStep.businessDays(2));
            assertThat(policy.attemptsEnd()).as(type.name()).isEqualTo(AttemptsEnd.SECOND_WAVE);
            assertThat(policy.unreachableReasonCode()).as(type.name()).isEqualTo("NO_CONTACT");
        }
    }

    @Test
    void sourcePolicyWinsOverBase() {
        settings.create(definition(15, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 60)), 3), null);

        assertThat(policies.policyFor(LeadType.NEW, source.toUpperCase()).firstContactMinutes()).isEqualTo(15);
        assertThat(policies.policyFor(LeadType.RENEWED, source).firstContactMinutes()).isEqualTo(5);
        assertThat(policies.policyFor(LeadType.NEW, "another-" + source).firstContactMinutes()).isEqualTo(5);
    }

    @Test
    void changedPolicyAppliesAtOnce() {
        StoredPolicy created = settings.create(definition(15, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 60)), 3), null);
        assertThat(policies.policyFor(LeadType.NEW, source).firstContactMinutes()).isEqualTo(15);

        settings.update(created.id(), created.version(), definition(25, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 60)), 3), null);
        assertThat(policies.policyFor(LeadType.NEW, source).firstContactMinutes()).isEqualTo(25);

        settings.delete(created.id(), created.version() + 1);
        assertThat(policies.policyFor(LeadType.NEW, source).firstContactMinutes()).isEqualTo(5);
    }

    @Test
    void firstContactDeadlineFollowsPolicy() {
        settings.create(definition(45, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 60)), 3), null);

        Lead lead = lead();

        Instant deadline = jdbc.sql("select sla_deadline_at from task where lead_id = ? and type = 'FIRST_CONTACT'")
                .param(lead.getId()).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(deadline).isEqualTo(TUESDAY_TEN.plus(Duration.ofMinutes(45)));
    }

    @Test
    void nextDayStepAvoidsFirstAttemptHour() {
        settings.create(definition(5, List.of(step(RetryStep.Kind.NEXT_DAY_OTHER_HOUR, 120)), 3), null);
        Lead lead = lead();

        OutcomeResult result = record(lead, CallOutcome.NO_ANSWER);

        // First call Tuesday 10:00, so the retry is Wednesday 12:00 (10:00 UTC).
        assertThat(result.nextTaskType()).isEqualTo(TaskType.RETRY);
        assertThat(result.nextDueAt()).isEqualTo(Instant.parse("2026-12-09T10:00:00Z"));
    }

    @Test
    void businessDaysStepSkipsTheWeekend() {
        settings.create(definition(5, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 0), step(RetryStep.Kind.BUSINESS_DAYS, 3)), 3), null);
        Lead lead = lead();

        OutcomeResult first = record(lead, CallOutcome.NO_ANSWER);
        OutcomeResult second = record(lead, CallOutcome.BUSY);

        assertThat(first.nextDueAt()).as("immediate retry").isEqualTo(TUESDAY_TEN);
        // Three business days after Tuesday: Wednesday, Thursday, Friday (open until 13:00), at 10:00.
        assertThat(second.nextDueAt()).isEqualTo(Instant.parse("2026-12-11T08:00:00Z"));
    }

    @Test
    void lastAttemptClosesWithPolicyReason() {
        long price = catalog.reasonsByCode().get("PRICE").getId();
        settings.create(new PolicyDefinition(LeadType.NEW, source, 5, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 30)), 2,
                AttemptsEnd.CLOSE_UNREACHABLE, 1, null, price, List.of()), null);
        Lead lead = lead();

        record(lead, CallOutcome.NO_ANSWER);
        OutcomeResult last = record(lead, CallOutcome.NO_ANSWER);

        assertThat(last.closed()).isTrue();
        assertThat(last.statusCode()).isEqualTo("UNREACHABLE");
        Map<String, Object> row = jdbc.sql("""
                        select r.code as reason, l.closed_at from lead l join disqualification_reason r on r.id = l.disqualification_reason_id
                        where l.id = ?
                        """).param(lead.getId()).query().singleRow();
        assertThat(row.get("reason")).isEqualTo("PRICE");
        assertThat(row.get("closed_at")).isNotNull();
    }

    @Test
    void secondWaveGoesToPolicyTeam() {
        Team secondWaveTeam = fixtures.team();
        settings.create(new PolicyDefinition(LeadType.NEW, source, 5, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 30)), 2,
                AttemptsEnd.SECOND_WAVE, 2, secondWaveTeam.getId(), noContactReason(), List.of()), null);
        Lead lead = lead();

        record(lead, CallOutcome.NO_ANSWER);
        OutcomeResult last = record(lead, CallOutcome.NO_ANSWER);

        assertThat(last.movedToPool()).isTrue();
        Map<String, Object> row = jdbc.sql("select owner_id, team_id, wave, attempt_count from lead where id = ?")
                .param(lead.getId()).query().singleRow();
        assertThat(row.get("owner_id")).isNull();
        assertThat(row.get("team_id")).isEqualTo(secondWaveTeam.getId());
        assertThat(row.get("wave")).isEqualTo(2);
        assertThat(row.get("attempt_count")).isEqualTo(0);
        assertThat(jdbc.sql("select team_id from task where lead_id = ? and state = 'OPEN'").param(lead.getId()).query(Long.class).single())
                .isEqualTo(secondWaveTeam.getId());
    }

    @Test
    void followUpsFollowStatusCadence() {
        long followUpStatus = catalog.statusesByCode().get("FOLLOW_UP").getId();
        settings.create(new PolicyDefinition(LeadType.NEW, source, 5, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 30)), 3,
                AttemptsEnd.SECOND_WAVE, 2, null, noContactReason(),
                List.of(new PolicyDefinition.Cadence(followUpStatus, List.of(60, 600)))), null);
        Lead lead = lead();

        OutcomeResult first = record(lead, CallOutcome.FOLLOW_UP);
        OutcomeResult second = record(lead, CallOutcome.FOLLOW_UP);
        OutcomeResult third = record(lead, CallOutcome.FOLLOW_UP);

        assertThat(first.nextDueAt()).isEqualTo(TUESDAY_TEN.plus(Duration.ofMinutes(60)));
        // 600 business minutes from Tuesday 10:00: nine hours on Tuesday, one on Wednesday.
        assertThat(second.nextDueAt()).isEqualTo(Instant.parse("2026-12-09T08:00:00Z"));
        assertThat(third.nextDueAt()).as("the last spacing repeats").isEqualTo(second.nextDueAt());
    }

    @Test
    void policyWithoutAttemptsIsRejected() {
        assertRejected(definition(5, List.of(), 0), "maxAttempts", "policy.error.noAttempts");
    }

    @Test
    void negativeSpacingIsRejected() {
        assertRejected(definition(5, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 30), step(RetryStep.Kind.BUSINESS_MINUTES, -10)), 3),
                "retrySchedule[1].amount", "policy.error.negativeSpacing");
    }

    @Test
    void unknownReasonIsRejected() {
        PolicyDefinition definition = new PolicyDefinition(LeadType.NEW, source, 5, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 30)), 2,
                AttemptsEnd.CLOSE_UNREACHABLE, 1, null, 999_999L, List.of());

        assertRejected(definition, "unreachableReasonId", "policy.error.reasonNotFound");
    }

    @Test
    void missingRetriesAreRejected() {
        assertRejected(definition(5, List.of(), 3), "retrySchedule", "policy.error.retriesRequired");
    }

    @Test
    void extraRetryStepsAreRejected() {
        assertRejected(definition(5, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 30), step(RetryStep.Kind.BUSINESS_MINUTES, 60)), 2),
                "retrySchedule", "policy.error.tooManySteps");
    }

    @Test
    void shortDayShiftIsRejected() {
        assertRejected(definition(5, List.of(step(RetryStep.Kind.NEXT_DAY_OTHER_HOUR, 30)), 2),
                "retrySchedule[0].amount", "policy.error.shiftRange");
    }

    @Test
    void nonFollowUpCadenceIsRejected() {
        long newStatus = catalog.statusesByCode().get("NEW").getId();
        PolicyDefinition definition = new PolicyDefinition(LeadType.NEW, source, 5, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 30)), 2,
                AttemptsEnd.SECOND_WAVE, 2, null, noContactReason(), List.of(new PolicyDefinition.Cadence(newStatus, List.of(60))));

        assertRejected(definition, "followUps[0].delayMinutes", "policy.error.followUpStatusInvalid");
    }

    @Test
    void duplicateSourceIsRejected() {
        settings.create(definition(5, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 30)), 2), null);

        assertRejected(new PolicyDefinition(LeadType.NEW, " " + source.toUpperCase() + " ", 5,
                List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 30)), 2, AttemptsEnd.SECOND_WAVE, 2, null, noContactReason(), List.of()),
                "source", "policy.error.duplicate");
    }

    @Test
    void basePolicyCannotBeDeleted() {
        StoredPolicy base = settings.policies().stream().filter(policy -> policy.leadType() == LeadType.NEW && policy.isBasePolicy())
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> settings.delete(base.id(), base.version()))
                .isInstanceOfSatisfying(SettingsRejectedException.class,
                        error -> assertThat(error.messageKey()).isEqualTo("policy.error.baseDelete"));
    }

    @Test
    void staleUpdateIsRejected() {
        StoredPolicy created = settings.create(definition(5, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 30)), 2), null);
        settings.update(created.id(), created.version(), definition(10, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 30)), 2), null);

        assertThatThrownBy(() -> settings.update(created.id(), created.version(),
                definition(20, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 30)), 2), null))
                .isInstanceOfSatisfying(SettingsRejectedException.class,
                        error -> assertThat(error.messageKey()).isEqualTo("policy.error.conflict"));
        assertThat(settings.policy(created.id()).orElseThrow().firstContactMinutes()).isEqualTo(10);
    }

    @Test
    void previewSpreadsDefaultRetries() {
        PolicyDefinition defaults = definition(5, List.of(step(RetryStep.Kind.BUSINESS_MINUTES, 30), step(RetryStep.Kind.BUSINESS_MINUTES, 120),
                step(RetryStep.Kind.NEXT_DAY_OTHER_HOUR, 90), step(RetryStep.Kind.BUSINESS_DAYS, 2)), 5);

        // Thursday 10 December 2026, 18:50.
        PolicyPreview preview = settings.preview(defaults, Instant.parse("2026-12-10T16:50:00Z"));

        assertThat(preview.firstContactDeadline()).as("Thursday 18:55").isEqualTo(Instant.parse("2026-12-10T16:55:00Z"));
        assertThat(preview.attempts()).containsExactly(
                Instant.parse("2026-12-10T16:50:00Z"),
                // 10 minutes on Thursday and 20 on Friday.
                Instant.parse("2026-12-11T07:20:00Z"),
                // Friday 09:20 plus two business hours.
                Instant.parse("2026-12-11T09:20:00Z"),
                // The next business day after Friday is Sunday, at 18:50 + 90 minutes, which is
                // after closing, so 18:50 − 90 minutes: 17:20.
                Instant.parse("2026-12-13T15:20:00Z"),
                // Two business days after Sunday, at the same time: Tuesday 17:20.
                Instant.parse("2026-12-15T15:20:00Z"));
        assertThat(preview.attemptsEnd()).isEqualTo(AttemptsEnd.SECOND_WAVE);
    }

    private PolicyDefinition definition(int firstContact, List<PolicyDefinition.Step> steps, int maxAttempts) {
        return new PolicyDefinition(LeadType.NEW, source, firstContact, steps, maxAttempts, AttemptsEnd.SECOND_WAVE, 2, null,
                noContactReason(), List.of());
    }

    private long noContactReason() {
        return catalog.reasonsByCode().get("NO_CONTACT").getId();
    }

    private static PolicyDefinition.Step step(RetryStep.Kind kind, int amount) {
        return new PolicyDefinition.Step(kind, amount);
    }

    private void assertRejected(PolicyDefinition definition, String field, String messageKey) {
        assertThatThrownBy(() -> settings.create(definition, null))
                .isInstanceOfSatisfying(SettingsRejectedException.class, error -> {
                    assertThat(error.field()).isEqualTo(field);
                    assertThat(error.messageKey()).isEqualTo(messageKey);
                });
    }

    private Lead lead() {
        Lead lead = registration.register(LeadContact.of("ליד מדיניות", Fixtures.uniquePhone(), source), LeadType.NEW, "test", null);
        assignments.assign(lead.getId(), agent.getId(), team.getId(), "test", null);
        return lead;
    }

    private OutcomeResult record(Lead lead, CallOutcome outcome) {
        int version = jdbc.sql("select version from lead where id = ?").param(lead.getId()).query(Integer.class).single();
        return outcomes.record(lead.getId(), version, OutcomeRequest.of(outcome), agentUser);
    }
}
