package io.cupboard.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import io.cupboard.workday.WorkDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Absence by day opening: a deactivated agent is absent on every date; an active agent is absent
 * on a date when they have not opened that work day, and today only from the absence cutoff on,
 * because before it they may still open the day.
 */
@Component
class WorkDayAbsence implements AgentPresence {

    private final JdbcClient jdbc;
    private final WorkDays workDays;
    private final Clock clock;
    private final ZoneId zone;
    private final LocalTime cutoff;

    WorkDayAbsence(JdbcClient jdbc, WorkDays workDays, Clock clock, ZoneId centerZone,
                   @Value("${cupboard.allocation.absence-cutoff:10:00}") LocalTime cutoff) {
        this.jdbc = jdbc;
        this.workDays = workDays;
        this.clock = clock;
        this.zone = centerZone;
        this.cutoff = cutoff;
    }

    @Override
    public Set<Long> absentAgents(LocalDate workDate) {
        Set<Long> absent = new HashSet<>(jdbc.sql("select id from app_user where role = 'AGENT' and not active")
                .query(Long.class).list());
        var now = clock.instant().atZone(zone);
        if (workDate.equals(now.toLocalDate()) && now.toLocalTime().isBefore(cutoff)) {
            return absent;
        }
        Set<Long> opened = workDays.agentsWhoOpened(workDate);
        jdbc.sql("select id from app_user where role = 'AGENT' and active").query(Long.class).list().stream()
                .filter(agent -> !opened.contains(agent))
                .forEach(absent::add);
        return absent;
    }
}
