package io.cupboard.lead;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves leads to an agent or to a team pool. The open task always moves with its lead, and every
 * move appends an ASSIGNED activity with the previous owner and the reason.
 */
@Service
public class LeadAssignments {

    private final LeadRepository leads;
    private final TaskRepository tasks;
    private final Timeline timeline;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    LeadAssignments(LeadRepository leads, TaskRepository tasks, Timeline timeline, JdbcClient jdbc, JsonMapper json,
                    Clock clock) {
        this.leads = leads;
        this.tasks = tasks;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Assigns a lead to an agent of a team, or to the team's pool when {@code ownerId} is null.
     *
     * @param why the rule or the reason recorded on the timeline
     * @param actorId the user who moved it, or null for the system
     */
    @Transactional
    public void assign(long leadId, Long ownerId, Long teamId, String why, Long actorId) {
        assign(leadId, ownerId, teamId, AssignmentReason.of(why), actorId);
    }

    /**
     * Assigns a lead to an agent of a team, or to the team's pool when {@code ownerId} is null, and
     * records the reason with its facts on the timeline.
     *
     * @param actorId the user who moved it, or null for the system
     * @throws LeadNotFoundException when the lead does not exist
     * @throws LeadClosedException   when the lead is closed
     */
    @Transactional
    public void assign(long leadId, Long ownerId, Long teamId, AssignmentReason reason, Long actorId) {
        Instant now = clock.instant();
        Lead lead = lockForAssignment(leadId);
        if (!lead.isOpen()) {
            throw new LeadClosedException(leadId);
        }
        Long previousOwner = lead.getOwnerId();
        lead.assignTo(ownerId, teamId, now);
        tasks.findOpenByLeadId(leadId).ifPresent(task -> task.reassign(ownerId, teamId));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ownerId", ownerId);
        details.put("teamId", teamId);
        details.put("previousOwnerId", previousOwner);
        details.put("why", reason.why());
        details.put("wave", lead.getWave());
        details.putAll(reason.facts());
        timeline.record(leadId, ActivityKind.ASSIGNED, null, reason.note(), actorId, now, details);
    }

    /**
     * Loads a lead with a row lock held until the transaction ends, so that nothing else assigns or
     * works it meanwhile.
     *
     * @throws LeadNotFoundException when the lead does not exist
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Lead lockForAssignment(long leadId) {
        return leads.findForUpdate(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
    }

    /**
     * Moves many leads at once with their open tasks, in one statement. Closed leads and leads that
     * already have this owner and team are skipped. The caller checks that the user may move them.
     *
     * @param ownerId the new owner, or null for the pool
     * @param teamId  the new team, or null to keep each lead's own team
     * @param actorId the user who moved them, or null for the system
     * @return the ids of the leads that moved, in ascending order
     */
    @Transactional
    public List<Long> reassign(Collection<Long> leadIds, Long ownerId, Long teamId, AssignmentReason reason, Long actorId) {
        if (leadIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        with moving as (
                            select id, owner_id from lead
                            where id = any(cast(:ids as bigint[])) and closed_at is null
                              and (owner_id is distinct from cast(:ownerId as bigint)
                                   or team_id is distinct from coalesce(cast(:teamId as bigint), team_id))
                            for update
                        ), moved as (
                            update lead l set owner_id = cast(:ownerId as bigint),
                                              team_id = coalesce(cast(:teamId as bigint), l.team_id),
                                              assigned_at = case when cast(:ownerId as bigint) is null then null
                                                                 else cast(:now as timestamptz) end,
                                              version = l.version + 1
                            from moving m where l.id = m.id
                            returning l.id, l.owner_id, l.team_id, l.wave, m.owner_id as previous_owner_id
                        ), moved_tasks as (
                            update task t set owner_id = m.owner_id, team_id = m.team_id, version = t.version + 1
                            from moved m where t.lead_id = m.id and t.state = 'OPEN'
                        ), entries as (
                            insert into activity (lead_id, kind, note, actor_id, created_at, details)
                            select m.id, 'ASSIGNED', cast(:note as text), cast(:actorId as bigint), cast(:now as timestamptz),
                                   jsonb_build_object('ownerId', m.owner_id, 'teamId', m.team_id,
                                                      'previousOwnerId', m.previous_owner_id, 'why', cast(:why as text),
                                                      'wave', m.wave) || cast(:facts as jsonb)
                            from moved m
                        )
                        select id from moved order by id
                        """)
                .param("ids", leadIds.toArray(Long[]::new))
                .param("ownerId", ownerId)
                .param("teamId", teamId)
                .param("now", Timestamp.from(clock.instant()))
                .param("note", reason.note())
                .param("actorId", actorId)
                .param("why", reason.why())
                .param("facts", json.writeValueAsString(reason.facts()))
                .query(Long.class)
                .list();
    }
}
