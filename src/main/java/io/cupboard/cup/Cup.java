package io.cupboard.cup;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cupboard.workday.DaySegment;
import io.cupboard.workday.Shift;
import io.cupboard.workday.WorkDayStatus;

/**
 * An agent's CUP at one moment: today's tasks by section, what comes later, the day's segments,
 * and the work left against the time left in the shift.
 *
 * @param laterCount   open tasks due after today
 * @param workLeft     today's tasks times the team's average handling time
 * @param shiftLeft    the time left in the agent's shift, zero when there is none today
 */
public record Cup(long agentId, Map<CupSection, List<CupItem>> sections, long laterCount,
                  Optional<DaySegment> currentSegment, List<DaySegment> segments, Optional<Shift> shift,
                  Duration workLeft, Duration shiftLeft, Optional<WorkDayStatus> day) {

    public static Map<CupSection, List<CupItem>> group(List<CupItem> items) {
        Map<CupSection, List<CupItem>> sections = new EnumMap<>(CupSection.class);
        for (CupSection section : CupSection.values()) {
            sections.put(section, items.stream().filter(item -> item.section() == section).toList());
        }
        return sections;
    }

    /** Returns whether the agent has opened today's day, closed since or not. */
    public boolean dayOpened() {
        return day.map(status -> status.openedAt() != null).orElse(false);
    }

    public int todayCount() {
        return sections.values().stream().mapToInt(List::size).sum();
    }

    /** Returns how the work left compares with the shift: FITS, TIGHT (over 80 % of it) or OVER. */
    public Pace pace() {
        if (workLeft.compareTo(shiftLeft) > 0) {
            return Pace.OVER;
        }
        return workLeft.toSeconds() * 10 > shiftLeft.toSeconds() * 8 ? Pace.TIGHT : Pace.FITS;
    }

    /** The comparison of today's work with the time left in the shift. */
    public enum Pace {
        FITS, TIGHT, OVER
    }
}
