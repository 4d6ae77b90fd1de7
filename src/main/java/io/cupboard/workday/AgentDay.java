package io.cupboard.workday;

import java.time.Duration;
import java.util.Optional;

/**
 * The facts of an agent's day that the CUP page shows besides the tasks, read in one statement.
 *
 * @param shift        the agent's shift today, cut to the center's hours; empty when the center is closed
 * @param handlingTime the team's average handling time per task
 * @param status       the agent's work day as recorded; empty before the agent opens it
 */
public record AgentDay(Optional<Shift> shift, Duration handlingTime, Optional<WorkDayStatus> status) {
}
