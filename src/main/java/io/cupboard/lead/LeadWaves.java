package io.cupboard.lead;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Set-based wave transitions for scheduled jobs: the next wave in a team pool, and the end of the
 * last wave. Each method is one statement that changes the leads, their open tasks and the
 * timeline together, and skips leads that closed meanwhile.
 */
@Service
public class LeadWaves {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    LeadWaves(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Starts the next wave of open leads: each moves to a team pool with its open task, its wave goes
     * up by one and its attempts start again at zero, as after the last unanswered attempt.
     *
     * @param teamId the team whose pool receives the leads, or null to keep each lead's own team
     * @return the ids of the leads that moved, in ascending order
     */
    @Transactional
    public List<Long> startNextWave(Collection<Long> leadIds, Long teamId, AssignmentReason reason) {
        if (leadIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        with moving as (
                            select id, owner_id from lead
                            where id = any(cast(:ids as bigint[])) and closed_at is null
                            for update
                        ), moved as (
                            update lead l set owner_id = null, team_id = coalesce(cast(:teamId as bigint), l.team_id),
                                              assigned_at = null, wave = l.wave + 1, attempt_count = 0,
                                              version = l.version + 1
                            from moving m where l.id = m.id
                            returning l.id, l.team_id, l.wave, m.owner_id as previous_owner_id
                        ), moved_tasks as (
                            update task t set owner_id = null, team_id = m.team_id, version = t.version + 1
                            from moved m where t.lead_id = m.id and t.state = 'OPEN'
                        ), entries as (
                            insert into activity (lead_id, kind, note, created_at, details)
                            select m.id, 'ASSIGNED', cast(:note as text), cast(:now as timestamptz),
                                   jsonb_build_object('ownerId', null, 'teamId', m.team_id,
                                                      'previousOwnerId', m.previous_owner_id, 'why', cast(:why as text),
                                                      'wave', m.wave) || cast(:facts as jsonb)
                            from moved m
                        )
                        select id from moved order by id
                        """)
                .param("ids", leadIds.toArray(Long[]::new))
                .param("teamId", teamId)
                .param("now", Timestamp.from(clock.instant()))
                .param("note", reason.note())
                .param("why", reason.why())
                .param("facts", json.writeValueAsString(reason.facts()))
                .query(Long.class)
                .list();
    }

    /**
     * Closes open leads as unreachable: status {@code UNREACHABLE} with the given disqualification
     * reason, the open task cancelled, and a SYSTEM activity with the status change.
     *
     * @param reasonCode the disqualification reason's code, usually the contact policy's
     * @return the ids of the leads that closed, in ascending order
     * @throws IllegalStateException when the status or the reason does not exist
     */
    @Transactional
    public List<Long> closeUnreachable(Collection<Long> leadIds, String reasonCode, String why, Map<String, Object> facts) {
        if (leadIds.isEmpty()) {
            return List.of();
        }
        Long reasonId = jdbc.sql("select id from disqualification_reason where code = ?").param(reasonCode)
                .query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("Unreachable reason " + reasonCode + " does not exist"));
        return jdbc.sql("""
                        with closing as (
                            select l.id, s.code as from_status from lead l join lead_status s on s.id = l.status_id
                            where l.id = any(cast(:ids as bigint[])) and l.closed_at is null
                            for update of l
                        ), closed as (
                            update lead l set status_id = (select id from lead_status where code = :unreachable),
                                              disqualification_reason_id = :reasonId, closed_at = cast(:now as timestamptz),
                                              last_activity_at = cast(:now as timestamptz), version = l.version + 1
                            from closing c where l.id = c.id
                            returning l.id, c.from_status
                        ), cancelled_tasks as (
                            update task t set state = 'CANCELLED', completed_at = cast(:now as timestamptz), version = t.version + 1
                            from closed c where t.lead_id = c.id and t.state = 'OPEN'
                        ), entries as (
                            insert into activity (lead_id, kind, created_at, details)
                            select c.id, 'SYSTEM', cast(:now as timestamptz),
                                   jsonb_build_object('fromStatus', c.from_status, 'toStatus', cast(:unreachable as text),
                                                      'reason', cast(:reasonCode as text), 'why', cast(:why as text))
                                   || cast(:facts as jsonb)
                            from closed c
                        )
                        select id from closed order by id
                        """)
                .param("ids", leadIds.toArray(Long[]::new))
                .param("unreachable", LeadStatus.UNREACHABLE)
                .param("reasonId", reasonId)
                .param("reasonCode", reasonCode)
                .param("now", Timestamp.from(clock.instant()))
                .param("why", why)
                .param("facts", json.writeValueAsString(facts))
                .query(Long.class)
                .list();
    }
}
