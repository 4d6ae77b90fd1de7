package io.cupboard.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.identity.Team;
import io.cupboard.identity.TeamRepository;
import io.cupboard.lead.AttemptsEnd;
import io.cupboard.lead.DisqualificationReason;
import io.cupboard.lead.LeadStatus;
import io.cupboard.lead.RetryStep;
import io.cupboard.lead.SettingsRejectedException;
import io.cupboard.lead.StatusCatalog;
import io.cupboard.lead.TaskType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's contact policies: listing, validating, saving and previewing them. Every rule is
 * checked here, so an invalid policy never reaches the database, and each error names the field
 * to fix and the rule it breaks.
 */
@Service
@Transactional
public class ContactPolicySettings {

    static final int MAX_SOURCE = 100;
    static final int MAX_ATTEMPTS = 20;
    static final int MAX_WAVES = 10;
    static final int MAX_FOLLOW_UPS = 20;

    private static final Logger log = LoggerFactory.getLogger(ContactPolicySettings.class);

    private final PolicyStore store;
    private final StatusCatalog catalog;
    private final TeamRepository teams;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final DatabaseContactPolicies cache;

    ContactPolicySettings(PolicyStore store, StatusCatalog catalog, TeamRepository teams, BusinessCalendar calendar, Clock clock,
                          DatabaseContactPolicies cache) {
        this.store = store;
        this.cache = cache;
        this.catalog = catalog;
        this.teams = teams;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<StoredPolicy> policies() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public Optional<StoredPolicy> policy(long id) {
        return store.byId(id);
    }

    /**
     * Creates a policy for a lead type and source that has none yet.
     *
     * @throws SettingsRejectedException naming the field and the rule when the definition is invalid
     */
    public StoredPolicy create(PolicyDefinition definition, Long actorId) {
        ValidPolicy policy = validate(definition, null);
        long id = store.insert(policy, actorId, clock.instant());
        cache.invalidateAfterTransaction();
        log.info("Created contact policy {} for {} leads from source {}", id, policy.leadType(), policy.source());
        return store.byId(id).orElseThrow();
    }

    /**
     * Replaces a policy.
     *
     * @param version the version the admin loaded
     * @throws SettingsRejectedException when the definition is invalid, the policy does not exist
     *                                   or another admin saved it meanwhile
     */
    public void update(long id, int version, PolicyDefinition definition, Long actorId) {
        StoredPolicy current = existing(id);
        if (current.isBasePolicy() && definition.source() != null && !definition.source().isBlank()) {
            throw new SettingsRejectedException("source", "policy.error.baseSource", "The base policy of " + current.leadType()
                    + " applies to every source");
        }
        if (current.isBasePolicy() && definition.leadType() != current.leadType()) {
            throw new SettingsRejectedException("leadType", "policy.error.baseType", "The base policy of " + current.leadType()
                    + " keeps its lead type");
        }
        ValidPolicy policy = validate(definition, id);
        cache.invalidateAfterTransaction();
        if (!store.update(id, version, policy, actorId, clock.instant())) {
            throw new SettingsRejectedException(null, "policy.error.conflict", "Contact policy " + id + " changed meanwhile");
        }
        log.info("Changed contact policy {} for {} leads from source {}", id, policy.leadType(), policy.source());
    }

    /** Deletes a source's policy; the lead type's policy for every source stays. */
    public void delete(long id, int version) {
        StoredPolicy current = existing(id);
        if (current.isBasePolicy()) {
            throw new SettingsRejectedException(null, "policy.error.baseDelete", "The base policy of " + current.leadType() + " stays");
        }
        cache.invalidateAfterTransaction();
        if (!store.delete(id, version)) {
            throw new SettingsRejectedException(null, "policy.error.conflict", "Contact policy " + id + " changed meanwhile");
        }
        log.info("Deleted contact policy {} for {} leads from source {}", id, current.leadType(), current.source());
    }

    /**
     * Validates a definition and computes the times it produces for a lead arriving at
     * {@code arrival}, without saving anything.
     *
     * @throws SettingsRejectedException when the definition is invalid
     */
    @Transactional(readOnly = true)
    public PolicyPreview preview(PolicyDefinition definition, Instant arrival) {
        ValidPolicy valid = validate(definition, null, false);
        List<RetryStep> schedule = valid.retrySchedule();

        List<Instant> attempts = new ArrayList<>();
        Instant first = calendar.nextOpenSlot(arrival);
        attempts.add(first);
        for (int attempt = 1; attempt < valid.maxAttempts(); attempt++) {
            // The same rule as ContactPolicy.retryStepAfter: the last step repeats.
            RetryStep step = schedule.get(Math.min(attempt, schedule.size()) - 1);
            attempts.add(step.dueAfter(attempts.get(attempt - 1), first, calendar));
        }

        List<PolicyPreview.FollowUps> followUps = new ArrayList<>();
        valid.followUps().forEach((statusId, delays) -> {
            List<Instant> due = new ArrayList<>();
            Instant previous = arrival;
            for (int delay : delays) {
                previous = calendar.addBusinessMinutes(previous, delay);
                due.add(previous);
            }
            followUps.add(new PolicyPreview.FollowUps(statusId, due));
        });
        return new PolicyPreview(arrival, calendar.addBusinessMinutes(arrival, valid.firstContactMinutes()), attempts,
                valid.attemptsEnd(), valid.maxWaves(), valid.secondWaveTeamId(), valid.unreachableReasonId(), followUps);
    }

    private ValidPolicy validate(PolicyDefinition definition, Long exceptId) {
        return validate(definition, exceptId, true);
    }

    private ValidPolicy validate(PolicyDefinition definition, Long exceptId, boolean checkDuplicate) {
        if (definition.leadType() == null) {
            throw new SettingsRejectedException("leadType", "policy.error.typeRequired", "A lead type is required");
        }
        String source = definition.source() == null || definition.source().isBlank() ? null : definition.source().strip();
        if (source != null && source.length() > MAX_SOURCE) {
            throw new SettingsRejectedException("source", "policy.error.sourceTooLong", "The source is longer than " + MAX_SOURCE,
                    MAX_SOURCE);
        }
        if (checkDuplicate && store.exists(definition.leadType(), source, exceptId)) {
            throw new SettingsRejectedException("source", "policy.error.duplicate",
                    "A policy for " + definition.leadType() + " and source " + source + " exists");
        }

        int firstContact = required(definition.firstContactMinutes(), "firstContactMinutes");
        if (firstContact < 1 || firstContact > RetryStep.MAX_BUSINESS_MINUTES) {
            throw new SettingsRejectedException("firstContactMinutes", "policy.error.firstContactRange",
                    "First contact " + firstContact + " is out of range", 1, RetryStep.MAX_BUSINESS_MINUTES);
        }

        int maxAttempts = required(definition.maxAttempts(), "maxAttempts");
        if (maxAttempts < 1) {
            throw new SettingsRejectedException("maxAttempts", "policy.error.noAttempts", "A policy needs at least one attempt");
        }
        if (maxAttempts > MAX_ATTEMPTS) {
            throw new SettingsRejectedException("maxAttempts", "policy.error.tooManyAttempts", "Too many attempts: " + maxAttempts,
                    MAX_ATTEMPTS);
        }
        List<RetryStep> schedule = schedule(definition.retrySchedule(), maxAttempts);

        if (definition.attemptsEnd() == null) {
            throw new SettingsRejectedException("attemptsEnd", "policy.error.endRequired", "The end of attempts is required");
        }
        int maxWaves = required(definition.maxWaves(), "maxWaves");
        if (maxWaves < 1 || maxWaves > MAX_WAVES) {
            throw new SettingsRejectedException("maxWaves", "policy.error.wavesRange", "Waves " + maxWaves + " out of range", MAX_WAVES);
        }
        if (definition.secondWaveTeamId() != null) {
            Team team = teams.findById(definition.secondWaveTeamId()).orElseThrow(() -> new SettingsRejectedException(
                    "secondWaveTeamId", "policy.error.teamNotFound", "Team " + definition.secondWaveTeamId() + " does not exist"));
            if (!team.isActive()) {
                throw new SettingsRejectedException("secondWaveTeamId", "policy.error.teamInactive", "Team " + team.getId() + " is inactive");
            }
        }
        long reasonId = unreachableReason(definition.unreachableReasonId());

        return new ValidPolicy(definition.leadType(), source, firstContact, schedule, maxAttempts, definition.attemptsEnd(), maxWaves,
                definition.secondWaveTeamId(), reasonId, followUps(definition.followUps()));
    }

    private static List<RetryStep> schedule(List<PolicyDefinition.Step> steps, int maxAttempts) {
        List<RetryStep> schedule = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            PolicyDefinition.Step step = steps.get(i);
            String field = "retrySchedule[" + i + "]";
            if (step.kind() == null && step.amount() == null) {
                // A blank row of the form.
                continue;
            }
            if (step.kind() == null) {
                throw new SettingsRejectedException(field + ".kind", "policy.error.stepKindRequired", "Retry step " + (i + 1) + " has no kind");
            }
            if (step.amount() == null) {
                throw new SettingsRejectedException(field + ".amount", "policy.error.required", "Retry step " + (i + 1) + " has no amount");
            }
            if (step.amount() < 0) {
                throw new SettingsRejectedException(field + ".amount", "policy.error.negativeSpacing",
                        "Retry step " + (i + 1) + " has negative spacing " + step.amount());
            }
            schedule.add(switch (step.kind()) {
                case BUSINESS_MINUTES -> inRange(step, field, 0, RetryStep.MAX_BUSINESS_MINUTES, "policy.error.minutesRange");
                case NEXT_DAY_OTHER_HOUR -> inRange(step, field, RetryStep.MIN_SHIFT_MINUTES, RetryStep.MAX_SHIFT_MINUTES,
                        "policy.error.shiftRange");
                case BUSINESS_DAYS -> inRange(step, field, 1, RetryStep.MAX_BUSINESS_DAYS, "policy.error.daysRange");
            });
        }
        if (maxAttempts > 1 && schedule.isEmpty()) {
            throw new SettingsRejectedException("retrySchedule", "policy.error.retriesRequired",
                    maxAttempts + " attempts need a retry schedule");
        }
        if (schedule.size() > maxAttempts - 1) {
            throw new SettingsRejectedException("retrySchedule", "policy.error.tooManySteps",
                    schedule.size() + " retry steps for " + maxAttempts + " attempts", schedule.size(), maxAttempts - 1);
        }
        return schedule;
    }

    private static RetryStep inRange(PolicyDefinition.Step step, String field, int min, int max, String messageKey) {
        if (step.amount() < min || step.amount() > max) {
            throw new SettingsRejectedException(field + ".amount", messageKey, "Retry step amount " + step.amount() + " is out of range",
                    min, max);
        }
        return new RetryStep(step.kind(), step.amount());
    }

    private long unreachableReason(Long reasonId) {
        if (reasonId == null) {
            throw new SettingsRejectedException("unreachableReasonId", "policy.error.reasonRequired", "An unreachable reason is required");
        }
        DisqualificationReason reason = catalog.reasons().stream().filter(candidate -> candidate.getId().equals(reasonId)).findFirst()
                .orElseThrow(() -> new SettingsRejectedException("unreachableReasonId", "policy.error.reasonNotFound",
                        "Disqualification reason " + reasonId + " does not exist"));
        if (!reason.isActive()) {
            throw new SettingsRejectedException("unreachableReasonId", "policy.error.reasonInactive",
                    "Disqualification reason " + reason.getCode() + " is inactive");
        }
        return reason.getId();
    }

    private Map<Long, List<Integer>> followUps(List<PolicyDefinition.Cadence> cadences) {
        Map<Long, LeadStatus> statuses = catalog.statusesById();
        Map<Long, List<Integer>> valid = new LinkedHashMap<>();
        for (int i = 0; i < cadences.size(); i++) {
            PolicyDefinition.Cadence cadence = cadences.get(i);
            String field = "followUps[" + i + "].delayMinutes";
            if (cadence.delayMinutes().isEmpty()) {
                continue;
            }
            LeadStatus status = cadence.statusId() == null ? null : statuses.get(cadence.statusId());
            if (status == null || !status.isActive() || status.getTaskType() != TaskType.FOLLOW_UP) {
                throw new SettingsRejectedException(field, "policy.error.followUpStatusInvalid",
                        "Status " + cadence.statusId() + " is not an active follow-up status");
            }
            if (cadence.delayMinutes().stream().anyMatch(delay -> delay == null || delay < 0)) {
                throw new SettingsRejectedException(field, "policy.error.negativeSpacing", "A follow-up delay of " + status.getCode()
                        + " is negative");
            }
            if (cadence.delayMinutes().stream().anyMatch(delay -> delay > RetryStep.MAX_BUSINESS_MINUTES)) {
                throw new SettingsRejectedException(field, "policy.error.minutesRange", "A follow-up delay of " + status.getCode()
                        + " is too long", 0, RetryStep.MAX_BUSINESS_MINUTES);
            }
            if (cadence.delayMinutes().size() > MAX_FOLLOW_UPS) {
                throw new SettingsRejectedException(field, "policy.error.tooManyFollowUps", "Too many follow-ups for " + status.getCode(),
                        MAX_FOLLOW_UPS);
            }
            if (valid.put(status.getId(), cadence.delayMinutes()) != null) {
                throw new SettingsRejectedException(field, "policy.error.followUpStatusTwice", "Status " + status.getCode() + " appears twice");
            }
        }
        return valid;
    }

    private StoredPolicy existing(long id) {
        return store.byId(id).orElseThrow(() -> new SettingsRejectedException(null, "policy.error.notFound",
                "Contact policy " + id + " not found"));
    }

    private static int required(Integer value, String field) {
        if (value == null) {
            throw new SettingsRejectedException(field, "policy.error.required", field + " is required");
        }
        return value;
    }
}
