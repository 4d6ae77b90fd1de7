package io.cupboard.policy.web;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.cupboard.lead.AttemptsEnd;
import io.cupboard.lead.LeadStatus;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.RetryStep;
import io.cupboard.policy.PolicyDefinition;
import io.cupboard.policy.StoredPolicy;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The admin's contact-policy form. Field names follow {@link PolicyDefinition}, so the service's
 * validation errors land on the right inputs. Follow-up delays are typed as a list of minutes,
 * such as {@code 1440, 2880}.
 *
 * @param sampleArrival the arrival time that the preview computes from, in the center's zone
 */
record PolicyForm(
        LeadType leadType,
        @Size(max = 100) String source,
        Integer firstContactMinutes,
        List<StepRow> retrySchedule,
        Integer maxAttempts,
        AttemptsEnd attemptsEnd,
        Integer maxWaves,
        Long secondWaveTeamId,
        Long unreachableReasonId,
        List<CadenceRow> followUps,
        Integer version,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime sampleArrival) {

    /** Blank step rows shown after the policy's steps, so that the admin can add steps without scripts. */
    static final int BLANK_STEP_ROWS = 2;
    static final int MIN_STEP_ROWS = 5;

    private static final Pattern DELAY_SEPARATORS = Pattern.compile("[,;\\s]+");

    record StepRow(RetryStep.Kind kind, Integer amount) {
    }

    /** The follow-up delays of one status, as typed. */
    record CadenceRow(Long statusId, String delayMinutes) {
    }

    /** Returns the form of a new policy, with the defaults of the seeded policies. */
    static PolicyForm empty(List<LeadStatus> followUpStatuses, long defaultReasonId, LocalDateTime sampleArrival) {
        List<StepRow> steps = padded(List.of(new StepRow(RetryStep.Kind.BUSINESS_MINUTES, 30), new StepRow(RetryStep.Kind.BUSINESS_MINUTES, 120),
                new StepRow(RetryStep.Kind.NEXT_DAY_OTHER_HOUR, 90), new StepRow(RetryStep.Kind.BUSINESS_DAYS, 2)));
        List<CadenceRow> cadences = followUpStatuses.stream().map(status -> new CadenceRow(status.getId(), "")).toList();
        return new PolicyForm(LeadType.NEW, "", 5, steps, 5, AttemptsEnd.SECOND_WAVE, 2, null, defaultReasonId, cadences, 0,
                sampleArrival);
    }

    static PolicyForm of(StoredPolicy policy, List<LeadStatus> followUpStatuses, LocalDateTime sampleArrival) {
        List<StepRow> steps = padded(policy.retrySchedule().stream().map(step -> new StepRow(step.kind(), step.amount())).toList());
        Map<Long, StoredPolicy.FollowUpCadence> cadences = policy.followUps().stream()
                .collect(Collectors.toMap(StoredPolicy.FollowUpCadence::statusId, Function.identity()));
        List<CadenceRow> rows = followUpStatuses.stream()
                .map(status -> new CadenceRow(status.getId(), cadences.containsKey(status.getId())
                        ? cadences.get(status.getId()).delayMinutes().stream().map(String::valueOf).collect(Collectors.joining(", "))
                        : ""))
                .toList();
        return new PolicyForm(policy.leadType(), policy.source() == null ? "" : policy.source(), policy.firstContactMinutes(), steps,
                policy.maxAttempts(), policy.attemptsEnd(), policy.maxWaves(), policy.secondWaveTeamId(), policy.unreachableReasonId(),
                rows, policy.version(), sampleArrival);
    }

    /**
     * Returns the definition, or throws {@link InvalidDelaysException} naming the first follow-up
     * row whose delays are not whole numbers.
     */
    PolicyDefinition toDefinition() {
        List<PolicyDefinition.Step> steps = retrySchedule == null ? List.of()
                : retrySchedule.stream().map(row -> new PolicyDefinition.Step(row.kind(), row.amount())).toList();
        List<PolicyDefinition.Cadence> cadences = new ArrayList<>();
        List<CadenceRow> rows = followUps == null ? List.of() : followUps;
        for (int i = 0; i < rows.size(); i++) {
            cadences.add(new PolicyDefinition.Cadence(rows.get(i).statusId(), delays(rows.get(i).delayMinutes(), i)));
        }
        return new PolicyDefinition(leadType, source, firstContactMinutes, steps, maxAttempts, attemptsEnd, maxWaves, secondWaveTeamId,
                unreachableReasonId, cadences);
    }

    private static List<StepRow> padded(List<StepRow> steps) {
        List<StepRow> rows = new ArrayList<>(steps);
        int size = Math.max(steps.size() + BLANK_STEP_ROWS, MIN_STEP_ROWS);
        while (rows.size() < size) {
            rows.add(new StepRow(null, null));
        }
        return rows;
    }

    private static List<Integer> delays(String text, int row) {
        List<Integer> delays = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return delays;
        }
        for (String part : DELAY_SEPARATORS.split(text.strip())) {
            try {
                delays.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw new InvalidDelaysException(row, part);
            }
        }
        return delays;
    }

    /** Follow-up delays that are not whole numbers of minutes. */
    static final class InvalidDelaysException extends RuntimeException {

        final int row;
        final String value;

        InvalidDelaysException(int row, String value) {
            super("Follow-up delay '" + value + "' in row " + row + " is not a whole number");
            this.row = row;
            this.value = value;
        }
    }
}
