package io.cupboard.lead;

/** What happens to a lead when its last contact attempt went unanswered. */
public enum AttemptsEnd {
    /** Move the lead to the team pool for another agent, up to the policy's number of waves. */
    SECOND_WAVE,
    /** Close the lead as unreachable with the policy's disqualification reason. */
    CLOSE_UNREACHABLE
}
