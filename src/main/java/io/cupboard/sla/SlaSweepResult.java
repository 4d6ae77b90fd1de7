package io.cupboard.sla;

/**
 * The rows one SLA sweep changed.
 *
 * @param breachesMarked      first-contact tasks newly marked as past their SLA deadline
 * @param closedUnreachable   leads closed as unreachable by the end of attempts
 * @param secondWaves         leads moved to a team pool for another wave
 * @param callbacksHandedOver callbacks taken from an absent or late agent and offered to the team
 */
public record SlaSweepResult(long breachesMarked, long closedUnreachable, long secondWaves, long callbacksHandedOver) {

    public long total() {
        return breachesMarked + closedUnreachable + secondWaves + callbacksHandedOver;
    }
}
