package io.cupboard.allocation;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Absence by day opening: before {@code cupboard.allocation.absence-cutoff} (local time) nobody
 * counts as absent, because agents may still open their day; from the cutoff on, an inactive agent
 * and an agent who has not opened today's work day count as absent.
 */
@Component
class CutoffAgentAvailability implements AgentAvailability {

    private final JdbcClient jdbc;
    private final LocalTime cutoff;
    private final ZoneId zone;

    CutoffAgentAvailability(JdbcClient jdbc, AllocationProperties properties, ZoneId centerZone) {
        this.jdbc = jdbc;
        this.cutoff = properties.absenceCutoff();
        this.zone = centerZone;
    }

    @Override
    public Set<Long> absentAgents(long teamId, Instant at) {
        if (at.atZone(zone).toLocalTime().isBefore(cutoff)) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select u.id from app_user u
                        where u.team_id = ? and u.role = 'AGENT'
                          and (not u.active or not exists (
                              select 1 from work_day w
                              where w.agent_id = u.id and w.work_date = ? and w.opened_at is not null))
                        """)
                .params(teamId, at.atZone(zone).toLocalDate()).query(Long.class).list());
    }
}
