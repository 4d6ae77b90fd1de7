package io.cupboard.allocation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the rule that decides a lead: the first active rule, by position, whose criteria match
 * the lead and whose team is active.
 */
@Component
class RuleMatches {

    /**
     * The condition under which rule {@code r} matches lead {@code l}, shared by every query that
     * matches rules. Sources and campaigns are stored in lower case.
     */
    static final String MATCH_CONDITION = """
            r.active
            and (cardinality(r.sources) = 0 or lower(l.source) = any(r.sources))
            and (cardinality(r.campaigns) = 0 or lower(l.campaign) = any(r.campaigns))
            and (r.lead_type is null or r.lead_type = l.type)
            and (r.language is null or r.language = l.preferred_language)
            and exists (select 1 from team rule_team where rule_team.id = r.team_id and rule_team.active)
            """;

    private final JdbcClient jdbc;

    RuleMatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MatchedRule> forLead(long leadId) {
        return Optional.ofNullable(forLeads(List.of(leadId)).get(leadId));
    }

    /** Returns the deciding rule of each lead that one matches, by lead id, in one query. */
    Map<Long, MatchedRule> forLeads(Collection<Long> leadIds) {
        Map<Long, MatchedRule> matches = new HashMap<>();
        jdbc.sql("""
                        select l.id as lead_id, r.id, r.name, r.team_id, r.strategy, r.language,
                               second_wave_team.id as second_wave_team_id
                        from lead l
                        join lateral (
                            select r.* from allocation_rule r
                            where %s
                            order by r.position, r.id
                            limit 1
                        ) r on true
                        left join team second_wave_team on second_wave_team.id = r.second_wave_team_id and second_wave_team.active
                        where l.id = any(cast(:leadIds as bigint[]))
                        """.formatted(MATCH_CONDITION))
                .param("leadIds", leadIds.toArray(Long[]::new))
                .query(row -> {
                    matches.put(row.getLong("lead_id"), new MatchedRule(
                            row.getLong("id"),
                            row.getString("name"),
                            row.getLong("team_id"),
                            AllocationStrategy.valueOf(row.getString("strategy")),
                            row.getString("language"),
                            (Long) row.getObject("second_wave_team_id")));
                });
        return matches;
    }

    /**
     * The rule that matched a lead.
     *
     * @param language         the language agents must speak, or null when the rule matches every language
     * @param secondWaveTeamId the active team for the lead's next wave, or null for the same team
     */
    record MatchedRule(long id, String name, long teamId, AllocationStrategy strategy, String language, Long secondWaveTeamId) {
    }
}
