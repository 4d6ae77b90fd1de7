package io.cupboard.lead;

import java.time.Instant;

/**
 * A call outcome as the agent logs it.
 *
 * @param callbackAt the agreed time, for {@link CallOutcome#CALLBACK}
 * @param reasonId   the disqualification reason, for {@link CallOutcome#NOT_RELEVANT}
 * @param statusId   an open follow-up status the agent chose, for {@link CallOutcome#FOLLOW_UP};
 *                   null for the admin's default
 * @param note       free text kept exactly as typed, or null
 */
public record OutcomeRequest(CallOutcome outcome, Instant callbackAt, Long reasonId, Long statusId, String note) {

    public static OutcomeRequest of(CallOutcome outcome) {
        return new OutcomeRequest(outcome, null, null, null, null);
    }

    public static OutcomeRequest callback(Instant at) {
        return new OutcomeRequest(CallOutcome.CALLBACK, at, null, null, null);
    }

    public static OutcomeRequest notRelevant(Long reasonId) {
        return new OutcomeRequest(CallOutcome.NOT_RELEVANT, null, reasonId, null, null);
    }
}
