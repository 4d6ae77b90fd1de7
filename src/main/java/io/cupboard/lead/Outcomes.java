package io.cupboard.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies call outcomes. One transaction writes the activity, updates the lead, closes its open
 * task and creates the next one, so an open lead always leaves with exactly one open task and a
 * closed lead with none.
 */
@Service
public class Outcomes {

    private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

    private final OutcomeWrites writes;
    private final LeadSettingsCache settings;
    private final DisqualificationReasonRepository reasons;
    private final ContactPolicies policies;
    private final BusinessCalendar calendar;
    private final Timeline timeline;
    private final DoNotCallList doNotCall;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outcomes(OutcomeWrites writes, LeadSettingsCache settings, DisqualificationReasonRepository reasons,
             ContactPolicies policies, BusinessCalendar calendar, Timeline timeline, DoNotCallList doNotCall,
             ApplicationEventPublisher events, Clock clock) {
        this.writes = writes;
        this.settings = settings;
        this.reasons = reasons;
        this.policies = policies;
        this.calendar = calendar;
        this.timeline = timeline;
        this.doNotCall = doNotCall;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records an outcome on a lead the user may change.
     *
     * @param expectedVersion the lead version the user saw; a different one means somebody else
     *                        saved the lead meanwhile
     * @throws LeadNotFoundException  when the lead does not exist or is outside the user's scope
     * @throws LeadConflictException  when the lead changed since the user loaded it
     * @throws LeadRuleException      when the request breaks a rule (a reason is missing, a callback is in the past)
     */
    @Transactional
    public OutcomeResult record(long leadId, int expectedVersion, OutcomeRequest request, CurrentUser user) {
        Lead lead = LeadAccess.changeable(writes.lock(leadId), leadId, user);
        if (lead.getVersion() != expectedVersion) {
            throw new LeadConflictException(leadId, expectedVersion, lead.getVersion());
        }
        if (!lead.isOpen()) {
            throw new LeadClosedException(leadId);
        }
        return apply(lead, request, user == null ? null : user.id());
    }

    private OutcomeResult apply(Lead lead, OutcomeRequest request, Long actorId) {
        Instant now = clock.instant();
        CallOutcome outcome = request.outcome();
        OutcomeSetting setting = settings.outcomeSetting(outcome);
        LeadStatus from = status(lead.getStatusId());
        ContactPolicy policy = policies.policyFor(lead);
        validate(request, now);

        lead.recordCall(now);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fromStatus", from.getCode());
        NextStep next = switch (outcome) {
            case NO_ANSWER, BUSY -> unanswered(lead, setting, policy, now, details);
            case CALLBACK -> openWith(lead, status(setting.getStatusId()), TaskType.CALLBACK, request.callbackAt(), now);
            case FOLLOW_UP -> followUp(lead, setting, request.statusId(), policy, now);
            case SALE -> close(lead, status(setting.getStatusId()), null, now);
            case NOT_RELEVANT -> close(lead, status(setting.getStatusId()), activeReason(request.reasonId()), now);
            case WRONG_NUMBER, DO_NOT_CALL -> closeWithFixedReason(lead, setting, now, actorId);
        };
        details.put("toStatus", next.status().getCode());
        details.put("attempt", lead.getAttemptCount());
        if (next.task() != null) {
            details.put("nextTask", next.task().getType().name());
            details.put("nextDue", next.task().getDueAt().toString());
        }
        if (lead.getDisqualificationReasonId() != null) {
            details.put("reason", reasons.findById(lead.getDisqualificationReasonId()).orElseThrow().getCode());
        }
        if (next.movedToPool()) {
            details.put("secondWave", lead.getWave());
        }
        Timeline.Entry entry = timeline.entry(lead.getId(), ActivityKind.CALL, outcome, blankToNull(request.note()), actorId,
                now, details);
        if (!writes.saveOutcome(lead, now, next.task(), entry)) {
            // The row is locked, so its version changes only if this transaction wrote the lead in another way.
            throw new LeadConflictException(lead.getId(), new IllegalStateException("Lead version changed under its row lock"));
        }
        events.publishEvent(new OutcomeRecorded(lead.getId(), outcome, actorId, lead.getOwnerId(), lead.getTeamId(),
                !lead.isOpen(), now));
        log.debug("Recorded outcome {} on lead {} by user {}", outcome, lead.getId(), actorId);
        return new OutcomeResult(lead.getId(), next.status().getCode(), !lead.isOpen(),
                next.task() == null ? null : next.task().getType(), next.task() == null ? null : next.task().getDueAt(),
                next.movedToPool());
    }

    private void validate(OutcomeRequest request, Instant now) {
        switch (request.outcome()) {
            case CALLBACK -> validateCallback(request.callbackAt(), now);
            case NOT_RELEVANT -> {
                if (request.reasonId() == null) {
                    throw new LeadRuleException("outcome.error.reasonRequired", "A disqualification reason is required");
                }
            }
            default -> {
            }
        }
    }

    private void validateCallback(Instant callbackAt, Instant now) {
        if (callbackAt == null) {
            throw new LeadRuleException("outcome.error.callbackTimeRequired", "A callback time is required");
        }
        if (!callbackAt.isAfter(now)) {
            throw new LeadRuleException("outcome.error.callbackInPast", "Callback time " + callbackAt + " is in the past",
                    calendar.nextOpenSlot(now));
        }
        if (!calendar.isOpen(callbackAt)) {
            throw new LeadRuleException("outcome.error.callbackOutsideHours",
                    "Callback time " + callbackAt + " is outside business hours", calendar.nextOpenSlot(callbackAt));
        }
    }

    private NextStep unanswered(Lead lead, OutcomeSetting setting, ContactPolicy policy, Instant now, Map<String, Object> details) {
        lead.countAttempt();
        if (lead.getAttemptCount() >= policy.maxAttempts()) {
            details.put("attemptsEnded", policy.attemptsEnd().name());
            return endOfAttempts(lead, policy, now);
        }
        Instant due = policy.retryDueAt(lead.getAttemptCount(), now, lead.getFirstContactAt(), calendar);
        return openWith(lead, status(setting.getStatusId()), TaskType.RETRY, due, now);
    }

    /**
     * Applies the policy's end to a lead whose last attempt went unanswered: another wave in the
     * pool of the policy's second-wave team (or the lead's own team) while waves remain, otherwise
     * closing as unreachable. The SLA sweep applies the same end in SQL to leads that reached
     * their maximum without an outcome doing it.
     */
    NextStep endOfAttempts(Lead lead, ContactPolicy policy, Instant now) {
        if (policy.attemptsEnd() == AttemptsEnd.SECOND_WAVE && lead.getWave() < policy.maxWaves()) {
            lead.startNextWave();
            lead.assignTo(null, policy.secondWaveTeamId() == null ? lead.getTeamId() : policy.secondWaveTeamId(), now);
            NextStep step = openWith(lead, settings.statusByCode("ATTEMPTING").orElseThrow(), TaskType.RETRY,
                    calendar.nextOpenSlot(now), now);
            return new NextStep(step.status(), step.task(), true);
        }
        DisqualificationReason reason = reasons.findByCode(policy.unreachableReasonCode())
                .orElseThrow(() -> new IllegalStateException("Unreachable reason " + policy.unreachableReasonCode() + " does not exist"));
        return close(lead, settings.statusByCode(LeadStatus.UNREACHABLE).orElseThrow(), reason, now);
    }

    private NextStep followUp(Lead lead, OutcomeSetting setting, Long chosenStatusId, ContactPolicy policy, Instant now) {
        LeadStatus status = chosenStatusId == null ? status(setting.getStatusId()) : chosenFollowUpStatus(chosenStatusId);
        if (!status.isActive() || status.getTaskType() != TaskType.FOLLOW_UP) {
            throw new LeadRuleException("outcome.error.followUpStatusInvalid",
                    "Status " + status.getCode() + " is not an active follow-up status");
        }
        lead.countFollowUp();
        Instant due = calendar.addBusinessMinutes(now, policy.followUpDelay(status, lead.getFollowUpCount()));
        return openWith(lead, status, TaskType.FOLLOW_UP, due, now);
    }

    private NextStep closeWithFixedReason(Lead lead, OutcomeSetting setting, Instant now, Long actorId) {
        DisqualificationReason reason = setting.getReasonId() == null ? null : reasons.findById(setting.getReasonId()).orElseThrow();
        NextStep step = close(lead, status(setting.getStatusId()), reason, now);
        if (lead.getPhoneE164() != null) {
            DoNotCallList.Reason listed = setting.getOutcome() == CallOutcome.WRONG_NUMBER
                    ? DoNotCallList.Reason.WRONG_NUMBER : DoNotCallList.Reason.REQUESTED;
            doNotCall.add(lead.getPhoneE164(), listed, actorId, now);
        }
        return step;
    }

    private NextStep openWith(Lead lead, LeadStatus status, TaskType type, Instant due, Instant now) {
        lead.moveToStatus(status);
        Task task = new Task(lead, type, due, null, now);
        return new NextStep(status, task, false);
    }

    private NextStep close(Lead lead, LeadStatus status, DisqualificationReason reason, Instant now) {
        lead.close(status, reason, now);
        return new NextStep(status, null, false);
    }

    private DisqualificationReason activeReason(Long reasonId) {
        DisqualificationReason reason = reasons.findById(reasonId)
                .orElseThrow(() -> new LeadRuleException("outcome.error.reasonRequired", "Reason " + reasonId + " does not exist"));
        if (!reason.isActive()) {
            throw new LeadRuleException("outcome.error.reasonInactive", "Reason " + reason.getCode() + " is inactive");
        }
        return reason;
    }

    /** Loads the status an agent chose, which an admin may have deleted since the card was loaded. */
    private LeadStatus chosenFollowUpStatus(long statusId) {
        return settings.status(statusId).orElseThrow(() -> new LeadRuleException("outcome.error.followUpStatusInvalid",
                "Status " + statusId + " does not exist"));
    }

    private LeadStatus status(Long statusId) {
        return settings.status(statusId).orElseThrow(() -> new IllegalStateException("Status " + statusId + " does not exist"));
    }

    private static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note;
    }

    record NextStep(LeadStatus status, Task task, boolean movedToPool) {
    }
}
