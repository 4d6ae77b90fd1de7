package io.cupboard.allocation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Picks the agent of a team who gets a lead, by the rule's strategy, and keeps the team's
 * round-robin position in {@code allocation_cursor}. The cursor row stays locked until the
 * transaction ends, so allocations to one team take turns across threads and application
 * instances, and each reads the open-lead counts that the previous one committed.
 */
@Component
class AgentPicker {

    private final JdbcClient jdbc;

    AgentPicker(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Picks an agent and moves the team's position to them. Agents who are inactive, absent, at
     * their CUP cap, lacking the required language or excluded for this lead are skipped. The turn
     * passes to the agent who gets the lead.
     *
     * @param language the language the agent must speak, or null
     * @param excluded agents who must not get this lead, such as its previous owners
     * @param absent   agents who are absent today
     */
    Pick pick(long teamId, AllocationStrategy strategy, String language, Set<Long> excluded, Set<Long> absent, Instant now) {
        Cursor cursor = lockCursor(teamId);
        List<Candidate> withRoom = candidates(teamId, language, absent).stream()
                .filter(candidate -> candidate.openLeads() < candidate.dailyCapacity())
                .toList();
        List<Candidate> allowed = withRoom.stream()
                .filter(candidate -> candidate.speaksLanguage() && !excluded.contains(candidate.id()))
                .toList();
        if (allowed.isEmpty()) {
            return new Pick(null, withRoom.size());
        }
        Candidate chosen = switch (strategy) {
            case ROUND_ROBIN -> nextAfter(allowed, cursor.lastAgentId());
            case WEIGHTED_ROUND_ROBIN -> nextWeighted(allowed, cursor);
            case LEAST_LOADED -> leastLoaded(allowed, cursor.lastAgentId());
        };
        int streak = cursor.lastAgentId() != null && cursor.lastAgentId() == chosen.id() ? cursor.streak() + 1 : 1;
        jdbc.sql("update allocation_cursor set last_agent_id = :agentId, streak = :streak, updated_at = :now where team_id = :teamId")
                .param("agentId", chosen.id())
                .param("streak", streak)
                .param("now", Timestamp.from(now))
                .param("teamId", teamId)
                .update();
        return new Pick(chosen.id(), withRoom.size());
    }

    /** Locks the team's cursor row, creating it on the team's first allocation. */
    private Cursor lockCursor(long teamId) {
        Optional<Cursor> cursor = selectCursorForUpdate(teamId);
        if (cursor.isPresent()) {
            return cursor.get();
        }
        jdbc.sql("insert into allocation_cursor (team_id) values (?) on conflict (team_id) do nothing").param(teamId).update();
        return selectCursorForUpdate(teamId).orElseThrow();
    }

    private Optional<Cursor> selectCursorForUpdate(long teamId) {
        return jdbc.sql("select last_agent_id, streak from allocation_cursor where team_id = ? for update")
                .param(teamId)
                .query((row, number) -> new Cursor((Long) row.getObject("last_agent_id"), row.getInt("streak")))
                .optional();
    }

    /** Returns the team's active, present agents in id order, with their open leads counted now. */
    private List<Candidate> candidates(long teamId, String language, Set<Long> absent) {
        return jdbc.sql("""
                        select u.id, u.allocation_weight, u.daily_capacity,
                               (cast(:language as varchar) is null or cast(:language as varchar) = any(u.languages)) as speaks_language,
                               (select count(*) from lead l where l.owner_id = u.id and l.closed_at is null) as open_leads
                        from app_user u
                        where u.team_id = :teamId and u.role = 'AGENT' and u.active
                          and u.id <> all(cast(:absent as bigint[]))
                        order by u.id
                        """)
                .param("teamId", teamId)
                .param("language", language)
                .param("absent", absent.toArray(Long[]::new))
                .query((row, number) -> new Candidate(row.getLong("id"), row.getInt("allocation_weight"),
                        row.getInt("daily_capacity"), row.getBoolean("speaks_language"), row.getLong("open_leads")))
                .list();
    }

    /** Returns the first agent after the last one in id order, wrapping around to the start. */
    private static Candidate nextAfter(List<Candidate> allowed, Long lastAgentId) {
        return allowed.stream()
                .min(roundRobinOrder(lastAgentId))
                .orElseThrow();
    }

    /** Keeps the last agent until they had as many leads in a row as their weight, then moves on. */
    private static Candidate nextWeighted(List<Candidate> allowed, Cursor cursor) {
        for (Candidate candidate : allowed) {
            if (cursor.lastAgentId() != null && candidate.id() == cursor.lastAgentId() && cursor.streak() < candidate.weight()) {
                return candidate;
            }
        }
        return nextAfter(allowed, cursor.lastAgentId());
    }

    private static Candidate leastLoaded(List<Candidate> allowed, Long lastAgentId) {
        return allowed.stream()
                .min(Comparator.comparingLong(Candidate::openLeads).thenComparing(roundRobinOrder(lastAgentId)))
                .orElseThrow();
    }

    /** Orders agents by id starting after the last agent: 5, 7, 2, 3 when the last was 3 of 2, 3, 5, 7. */
    private static Comparator<Candidate> roundRobinOrder(Long lastAgentId) {
        long last = lastAgentId == null ? Long.MIN_VALUE : lastAgentId;
        return Comparator.comparing((Candidate candidate) -> candidate.id() <= last).thenComparingLong(Candidate::id);
    }

    /**
     * The outcome of a pick.
     *
     * @param agentId        the chosen agent, or null when nobody may take the lead
     * @param agentsWithRoom how many present agents of the team are below their cap, whatever the lead
     */
    record Pick(Long agentId, int agentsWithRoom) {
    }

    private record Cursor(Long lastAgentId, int streak) {
    }

    private record Candidate(long id, int weight, int dailyCapacity, boolean speaksLanguage, long openLeads) {
    }
}
