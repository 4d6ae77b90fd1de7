package io.cupboard.cup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.cupboard.identity.CurrentUser;
import io.cupboard.lead.LeadAssignments;
import io.cupboard.lead.RegistryRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Next lead" mode: the first task the agent should work now, or, when the CUP has nothing due,
 * the oldest due lead of the team pool, claimed for the agent.
 */
@Service
public class NextLead {

    /** The timeline's reason code for a lead an agent took from the team pool in next-lead mode. */
    static final String CLAIMED_FROM_POOL = "claimedFromPool";

    private static final Logger log = LoggerFactory.getLogger(NextLead.class);

    private final Cups cups;
    private final LeadAssignments assignments;
    private final JdbcClient jdbc;
    private final Clock clock;

    NextLead(Cups cups, LeadAssignments assignments, JdbcClient jdbc, Clock clock) {
        this.cups = cups;
        this.assignments = assignments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Returns the lead to open next, claiming a pool lead when the agent's own CUP has nothing due now. */
    @Transactional
    public Optional<Long> next(CurrentUser agent) {
        Optional<Long> own = cups.firstActionableLead(agent.id(), agent.teamId());
        if (own.isPresent() || agent.teamId() == null) {
            return own;
        }
        return claimFromPool(agent);
    }

    /**
     * Claims the oldest due task of the agent's team pool. Rows another agent is claiming at the
     * same moment are skipped, not waited for, so two agents never receive the same lead. An
     * agent at their daily capacity claims nothing, and a lead in its second wave never goes back
     * to an agent who already had it.
     */
    @Transactional
    public Optional<Long> claimFromPool(CurrentUser agent) {
        if (atCapacity(agent.id())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Long> leadId = jdbc.sql("""
                        select t.lead_id
                        from task t
                        join lead l on l.id = t.lead_id
                        where t.team_id = :team and t.owner_id is null and t.state = 'OPEN' and t.due_at <= :now
                          and %s
                          and (l.wave = 1 or not exists (
                              select 1 from activity a
                              where a.lead_id = l.id and a.kind = 'ASSIGNED'
                                and a.details @> jsonb_build_object('ownerId', cast(:agent as bigint))))
                        order by t.due_at, t.id
                        limit 1
                        for update of t skip locked
                        """.formatted(RegistryRule.callableSql("l")))
                .param("team", agent.teamId())
                .param("now", Timestamp.from(now))
                .param(RegistryRule.CHECKED_SINCE_PARAMETER, Timestamp.from(RegistryRule.checkedSince(now)))
                .param("agent", agent.id())
                .query(Long.class)
                .optional();
        leadId.ifPresent(id -> {
            assignments.assign(id, agent.id(), agent.teamId(), CLAIMED_FROM_POOL, agent.id());
            log.debug("Agent {} claimed lead {} from the pool of team {}", agent.id(), id, agent.teamId());
        });
        return leadId;
    }

    private boolean atCapacity(long agentId) {
        return jdbc.sql("""
                        select count(*) >= (select daily_capacity from app_user where id = :agent)
                        from lead where owner_id = :agent and closed_at is null
                        """)
                .param("agent", agentId)
                .query(Boolean.class).single();
    }
}
