package io.cupboard.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves leads to an agent or to a team pool. The open task always moves with its lead.
 */
@Service
public class LeadAssignments {

    private final LeadRepository leads;
    private final TaskRepository tasks;
    private final Timeline timeline;
    private final Clock clock;

    LeadAssignments(LeadRepository leads, TaskRepository tasks, Timeline timeline, Clock clock) {
        this.leads = leads;
        this.tasks = tasks;
        this.timeline = timeline;
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
        Instant now = clock.instant();
        Lead lead = leads.findForUpdate(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
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
        details.put("why", why);
        timeline.record(leadId, ActivityKind.ASSIGNED, null, null, actorId, now, details);
    }
}
