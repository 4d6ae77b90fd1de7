package io.cupboard.identity;

import java.time.LocalTime;
import java.util.List;

/**
 * The settings an admin gives a user. The user name is read only when a user is created.
 *
 * @param languages      ISO 639 codes of the languages the user speaks, such as {@code he} and {@code ar}
 * @param dailyCapacity  the CUP cap: the maximum number of open leads allocation gives the agent
 * @param allocationWeight the agent's share in weighted round robin
 * @param shiftStart     the start of the shift, or null when the user has no fixed shift
 */
public record UserDefinition(String username, String displayName, Role role, Long teamId, List<String> languages,
                             int dailyCapacity, int allocationWeight, LocalTime shiftStart, LocalTime shiftEnd) {
}
