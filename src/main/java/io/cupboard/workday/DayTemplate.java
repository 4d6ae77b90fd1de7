package io.cupboard.workday;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

/**
 * A team's working day: the shift and its segments. The template without a team is the center's
 * default for teams that have none.
 */
@Entity
public class DayTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long teamId;

    private LocalTime shiftStart;

    private LocalTime shiftEnd;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "day_segment", joinColumns = @JoinColumn(name = "template_id"))
    @OrderBy("startsAt")
    private List<DaySegment> segments = new ArrayList<>();

    @Version
    private int version;

    protected DayTemplate() {
    }

    public DayTemplate(Long teamId, LocalTime shiftStart, LocalTime shiftEnd) {
        this.teamId = teamId;
        changeShift(shiftStart, shiftEnd);
    }

    public void changeShift(LocalTime start, LocalTime end) {
        if (start == null || end == null || !start.isBefore(end)) {
            throw new IllegalArgumentException("A shift must start before it ends, was " + start + "–" + end);
        }
        this.shiftStart = start;
        this.shiftEnd = end;
    }

    /** Replaces the segments; they must not overlap each other. */
    public void replaceSegments(List<DaySegment> newSegments) {
        List<DaySegment> sorted = newSegments.stream().sorted(Comparator.comparing(DaySegment::getStartsAt)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new IllegalArgumentException("Segments overlap at " + sorted.get(i).getStartsAt());
            }
        }
        segments.clear();
        segments.addAll(sorted);
    }

    /**
     * Returns a copy that no persistence context manages, for sharing between threads. Its
     * segments cannot be replaced, and nothing may save it.
     */
    DayTemplate unmanagedCopy() {
        DayTemplate copy = new DayTemplate();
        copy.id = id;
        copy.teamId = teamId;
        copy.shiftStart = shiftStart;
        copy.shiftEnd = shiftEnd;
        copy.segments = List.copyOf(segments);
        copy.version = version;
        return copy;
    }

    public Optional<DaySegment> segmentAt(LocalTime time) {
        return segments.stream().filter(segment -> segment.contains(time)).findFirst();
    }

    public Long getId() {
        return id;
    }

    public Long getTeamId() {
        return teamId;
    }

    public LocalTime getShiftStart() {
        return shiftStart;
    }

    public LocalTime getShiftEnd() {
        return shiftEnd;
    }

    public List<DaySegment> getSegments() {
        return List.copyOf(segments);
    }

    public int getVersion() {
        return version;
    }
}
