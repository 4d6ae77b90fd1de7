package io.cupboard.allocation.web;

import java.util.List;

import io.cupboard.allocation.ReassignTarget;

/**
 * Selected leads and where they go.
 *
 * @param target {@code agent:<id>} or {@code pool:<team id>}
 * @param reason the reason for the timelines; optional for selected leads, required for a whole CUP
 */
record ReassignForm(List<Long> leadIds, String target, String reason) {

    ReassignForm {
        leadIds = leadIds == null ? List.of() : List.copyOf(leadIds);
    }

    /** Returns the parsed target, or null when the value is missing or malformed. */
    ReassignTarget parsedTarget() {
        return parseTarget(target);
    }

    static ReassignTarget parseTarget(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(":", 2);
        if (parts.length != 2 || !parts[1].matches("\\d{1,18}")) {
            return null;
        }
        long id = Long.parseLong(parts[1]);
        return switch (parts[0]) {
            case "agent" -> ReassignTarget.agent(id);
            case "pool" -> ReassignTarget.pool(id);
            default -> null;
        };
    }
}
