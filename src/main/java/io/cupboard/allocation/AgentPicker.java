package io.cupboard.allocation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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
 *
 * <p>A {@link Turn} serves any number of leads of one team: the cursor is locked and the agents
 * are read once, and the counts are kept up to date in memory as leads are handed out.
 */
@Component
class AgentPicker {

    private final JdbcClient jdbc;

    AgentPicker(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the team's cursor and reads its active, present agents with their open leads counted
     * now. Call {@link Turn#finish} before the transaction ends to save the position.
     *
     * @param absent agents who are absent today
     */
    Turn begin(long teamId, Set<Long> absent) {
        Cursor cursor = lockCursor(teamId);
        return new Turn(teamId, cursor, candidates(teamId, absent));
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

    private List<Candidate> candidates(long teamId, Set<Long> absent) {
        return jdbc.sql("""
                        select u.id, u.allocation_weight, u.daily_capacity, u.languages,
                               (select count(*) from lead l where l.owner_id = u.id and l.closed_at is null) as open_leads
                        from app_user u
                        where u.team_id = :teamId and u.role = 'AGENT' and u.active
                          and u.id <> all(cast(:absent as bigint[]))
                        order by u.id
                        """)
                .param("teamId", teamId)
                .param("absent", absent.toArray(Long[]::new))
                .query((row, number) -> new Candidate(row.getLong("id"), row.getInt("allocation_weight"),
                        row.getInt("daily_capacity"), List.of((String[]) row.getArray("languages").getArray()),
                        row.getLong("open_leads")))
                .list();
    }

    /** The allocations to one team within a transaction, holding the team's cursor lock. */
    final class Turn {

        private final long teamId;
        private final Cursor initial;
        private final List<Candidate> candidates;
        private Long lastAgentId;
        private int streak;

        private Turn(long teamId, Cursor cursor, List<Candidate> candidates) {
            this.teamId = teamId;
            this.initial = cursor;
            this.candidates = new ArrayList<>(candidates);
            this.lastAgentId = cursor.lastAgentId();
            this.streak = cursor.streak();
        }

        /**
         * Picks an agent for one lead and moves the position to them. Agents at their CUP cap,
         * lacking the required language or excluded for this lead are skipped. The turn passes to
         * the agent who gets the lead, whose count grows by one.
         *
         * @param language the language the agent must speak, or null
         * @param excluded agents who must not get this lead, such as its previous owners
         */
        Pick pick(AllocationStrategy strategy, String language, Set<Long> excluded) {
            List<Candidate> withRoom = candidates.stream()
                    .filter(candidate -> candidate.openLeads() < candidate.dailyCapacity())
                    .toList();
            List<Candidate> allowed = withRoom.stream()
                    .filter(candidate -> candidate.speaks(language) && !excluded.contains(candidate.id()))
                    .toList();
            if (allowed.isEmpty()) {
                return new Pick(null, withRoom.size());
            }
            Candidate chosen = switch (strategy) {
                case ROUND_ROBIN -> nextAfter(allowed, lastAgentId);
                case WEIGHTED_ROUND_ROBIN -> nextWeighted(allowed, lastAgentId, streak);
                case LEAST_LOADED -> leastLoaded(allowed, lastAgentId);
            };
            streak = lastAgentId != null && lastAgentId == chosen.id() ? streak + 1 : 1;
            lastAgentId = chosen.id();
            candidates.set(candidates.indexOf(chosen), chosen.withOneMore());
            return new Pick(chosen.id(), withRoom.size());
        }

        /** Saves the team's position when any lead was handed out. */
        void finish(Instant now) {
            if (lastAgentId == null || lastAgentId.equals(initial.lastAgentId()) && streak == initial.streak()) {
                return;
            }
            jdbc.sql("update allocation_cursor set last_agent_id = :agentId, streak = :streak, updated_at = :now where team_id = :teamId")
                    .param("agentId", lastAgentId)
                    .param("streak", streak)
                    .param("now", Timestamp.from(now))
                    .param("teamId", teamId)
                    .update();
        }
    }

    /** Returns the first agent after the last one in id order, wrapping around to the start. */
    private static Candidate nextAfter(List<Candidate> allowed, Long lastAgentId) {
        return allowed.stream()
                .min(roundRobinOrder(lastAgentId))
                .orElseThrow();
    }

    /** Keeps the last agent until they had as many leads in a row as their weight, then moves on. */
    private static Candidate nextWeighted(List<Candidate> allowed, Long lastAgentId, int streak) {
        for (Candidate candidate : allowed) {
            if (lastAgentId != null && candidate.id() == lastAgentId && streak < candidate.weight()) {
                return candidate;
            }
        }
        return nextAfter(allowed, lastAgentId);
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
     * @param agentsWithRoom how many present agents of the team were below their cap, whatever the lead
     */
    record Pick(Long agentId, int agentsWithRoom) {
    }

    private record Cursor(Long lastAgentId, int streak) {
    }

    private record Candidate(long id, int weight, int dailyCapacity, List<String> languages, long openLeads) {

        boolean speaks(String language) {
            return language == null || languages.contains(language);
        }

        Candidate withOneMore() {
            return new Candidate(id, weight, dailyCapacity, languages, openLeads + 1);
        }
    }
}
