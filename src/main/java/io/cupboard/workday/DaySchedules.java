package io.cupboard.workday;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.calendar.OpeningHours;
import io.cupboard.shared.SettingsCache;
import io.cupboard.shared.SettingsCacheProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Day templates: which segment is current, and each agent's shift on a date. The reads of every
 * CUP page run without a transaction, because the templates come from memory and the agent's hours
 * are one statement. Only the reads of the database's current template open one.
 */
@Service
public class DaySchedules {

    private static final Logger log = LoggerFactory.getLogger(DaySchedules.class);
    /** The cache key of the center's default template. Team ids start at 1. */
    private static final long CENTER_DEFAULT = 0L;

    private final DayTemplateRepository templates;
    private final BusinessCalendar calendar;
    private final JdbcClient jdbc;
    /** Templates kept in memory, because every CUP page reads its team's and admins change them rarely. */
    private final SettingsCache<Long, DayTemplate> templatesByTeam;

    DaySchedules(DayTemplateRepository templates, BusinessCalendar calendar, JdbcClient jdbc,
                 SettingsCacheProperties cacheProperties) {
        this.templates = templates;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.templatesByTeam = new SettingsCache<>(cacheProperties);
    }

    /**
     * Returns the team's template, or the center's default when the team has none. The result is
     * an unmanaged copy shared between threads: read it, never change or save it.
     */
    public DayTemplate templateFor(Long teamId) {
        return templatesByTeam.get(teamId == null ? CENTER_DEFAULT : teamId, key -> currentTemplateFor(teamId).unmanagedCopy());
    }

    /**
     * Returns the team's template as the database has it now, or the center's default when the team
     * has none. The admin's edit form uses it, because the copy in memory may be older.
     */
    @Transactional(readOnly = true)
    public DayTemplate currentTemplateFor(Long teamId) {
        List<DayTemplate> candidates = templates.findOwnAndCenterDefault(teamId);
        return candidates.stream().filter(template -> template.getTeamId() != null).findFirst()
                .or(() -> candidates.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("The center's default day template is missing"));
    }

    /** Returns whether the team has a template of its own rather than the center's default. */
    @Transactional(readOnly = true)
    public boolean hasOwnTemplate(long teamId) {
        return templates.findByTeamId(teamId).isPresent();
    }

    public Optional<DaySegment> currentSegment(Long teamId, Instant now) {
        return segmentAt(templateFor(teamId), now);
    }

    /** Returns the template's segment at an instant, in the center's zone. */
    public Optional<DaySegment> segmentAt(DayTemplate template, Instant now) {
        return template.segmentAt(now.atZone(calendar.zone()).toLocalTime());
    }

    /**
     * Returns the agent's shift on a date, cut to the center's opening hours. The agent's own hours
     * win over the team's template. The result is empty when the center is closed that day.
     */
    public Optional<Shift> shiftFor(long agentId, Long teamId, LocalDate date) {
        return shiftFor(agentId, templateFor(teamId), date);
    }

    /** Returns the agent's shift on a date with the team's template already loaded. */
    public Optional<Shift> shiftFor(long agentId, DayTemplate template, LocalDate date) {
        if (calendar.hoursOn(date).isEmpty()) {
            return Optional.empty();
        }
        List<LocalTime[]> own = jdbc.sql("select shift_start, shift_end from app_user where id = ? and shift_start is not null")
                .param(agentId)
                .query((row, number) -> new LocalTime[] {row.getObject(1, LocalTime.class), row.getObject(2, LocalTime.class)})
                .list();
        return own.isEmpty() ? shiftFor(null, null, template, date) : shiftFor(own.get(0)[0], own.get(0)[1], template, date);
    }

    /**
     * Returns the shift on a date from the agent's own hours, or the template's when the agent has
     * none (a null start), cut to the center's opening hours. Empty when the center is closed.
     */
    Optional<Shift> shiftFor(LocalTime ownStart, LocalTime ownEnd, DayTemplate template, LocalDate date) {
        Optional<OpeningHours> hours = calendar.hoursOn(date);
        if (hours.isEmpty()) {
            return Optional.empty();
        }
        LocalTime start = ownStart == null ? template.getShiftStart() : ownStart;
        LocalTime end = ownStart == null ? template.getShiftEnd() : ownEnd;
        LocalTime cutStart = start.isBefore(hours.get().opens()) ? hours.get().opens() : start;
        LocalTime cutEnd = end.isAfter(hours.get().closes()) ? hours.get().closes() : end;
        if (!cutStart.isBefore(cutEnd)) {
            return Optional.empty();
        }
        ZonedDateTime from = date.atTime(cutStart).atZone(calendar.zone());
        ZonedDateTime to = date.atTime(cutEnd).atZone(calendar.zone());
        return Optional.of(new Shift(from.toInstant(), to.toInstant()));
    }

    /**
     * Saves a team's template (or the center's default when {@code teamId} is null), replacing
     * its shift and segments.
     */
    @Transactional
    public DayTemplate save(Long teamId, int version, LocalTime shiftStart, LocalTime shiftEnd, List<DaySegment> segments) {
        DayTemplate template = (teamId == null ? templates.findCenterDefault() : templates.findByTeamId(teamId))
                .orElseGet(() -> new DayTemplate(teamId, shiftStart, shiftEnd));
        if (template.getId() != null && template.getVersion() != version) {
            throw new WorkdayRuleException("template.error.conflict", "Day template " + template.getId() + " changed meanwhile");
        }
        if (shiftStart == null || shiftEnd == null || !shiftStart.isBefore(shiftEnd)) {
            throw new WorkdayRuleException("template.error.shiftOrder", "Shift " + shiftStart + "–" + shiftEnd + " is invalid");
        }
        for (DaySegment segment : segments) {
            if (segment.getStartsAt().isBefore(shiftStart) || segment.getEndsAt().isAfter(shiftEnd)) {
                throw new WorkdayRuleException("template.error.segmentOutsideShift",
                        "Segment " + segment.getStartsAt() + " is outside the shift", segment.getStartsAt(), segment.getEndsAt());
            }
        }
        template.changeShift(shiftStart, shiftEnd);
        try {
            template.replaceSegments(segments);
        } catch (IllegalArgumentException e) {
            throw new WorkdayRuleException("template.error.overlap", e.getMessage());
        }
        DayTemplate saved = templates.save(template);
        templatesByTeam.invalidateAfterTransaction();
        log.info("Saved day template {} for team {} with {} segments", saved.getId(), teamId, segments.size());
        return saved;
    }
}
