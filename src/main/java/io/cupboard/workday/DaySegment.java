package io.cupboard.workday;

import java.time.LocalTime;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A block of the working day with a focus, for example 09:00–11:00 new leads.
 */
@Embeddable
public class DaySegment {

    private LocalTime startsAt;

    private LocalTime endsAt;

    @Enumerated(EnumType.STRING)
    private SegmentFocus focus;

    protected DaySegment() {
    }

    public DaySegment(LocalTime startsAt, LocalTime endsAt, SegmentFocus focus) {
        if (startsAt == null || endsAt == null || focus == null) {
            throw new IllegalArgumentException("A segment needs a start, an end and a focus");
        }
        if (!startsAt.isBefore(endsAt)) {
            throw new IllegalArgumentException("A segment must start before it ends, was " + startsAt + "–" + endsAt);
        }
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.focus = focus;
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(startsAt) && time.isBefore(endsAt);
    }

    public boolean overlaps(DaySegment other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }

    public LocalTime getStartsAt() {
        return startsAt;
    }

    public LocalTime getEndsAt() {
        return endsAt;
    }

    public SegmentFocus getFocus() {
        return focus;
    }
}
