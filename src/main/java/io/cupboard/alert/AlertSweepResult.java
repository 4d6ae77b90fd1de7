package io.cupboard.alert;

import java.util.Map;

/**
 * The rows one alert sweep changed.
 *
 * @param raised   new alerts per kind
 * @param resolved open alerts withdrawn because their task was done, moved or rescheduled
 */
public record AlertSweepResult(Map<AlertKind, Long> raised, long resolved) {

    public AlertSweepResult {
        raised = Map.copyOf(raised);
    }

    public long raised(AlertKind kind) {
        return raised.getOrDefault(kind, 0L);
    }
}
