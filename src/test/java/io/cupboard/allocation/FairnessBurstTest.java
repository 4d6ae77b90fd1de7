package io.cupboard.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.identity.UserRepository;
import io.cupboard.lead.LeadRegistration;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of leads allocated from several threads at once, as several intake requests or
 * application instances do: round robin stays fair and no lead gets two owners.
 */
@IntegrationTest
class FairnessBurstTest {

    static final int LEADS = 1000;
    static final int AGENTS = 8;
    static final int THREADS = 4;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AllocationRules rules;

    @Autowired
    LeadRegistration registration;

    @Autowired
    LeadAllocator allocator;

    @Autowired
    UserRepository users;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void burstGivesEachAgentFairShare() throws Exception {
        AllocationScenario scenario = new AllocationScenario(fixtures, rules, registration, allocator, users, transaction);
        Team team = fixtures.team();
        List<Long> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(scenario.agent(team, 1, LEADS).getId());
        }
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);

        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        List<Long> leads = new ArrayList<>();
        try {
            Callable<List<Long>> burst = () -> {
                List<Long> created = new ArrayList<>();
                for (int i = 0; i < LEADS / THREADS; i++) {
                    created.add(scenario.newLead().leadId());
                }
                return created;
            };
            for (Future<List<Long>> result : executor.invokeAll(java.util.Collections.nCopies(THREADS, burst))) {
                leads.addAll(result.get());
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(leads).hasSize(LEADS).doesNotHaveDuplicates();
        Map<Long, Long> perAgent = jdbc.sql("select owner_id, count(*) from lead where team_id = ? group by owner_id")
                .param(team.getId())
                .query((row, number) -> Map.entry((Long) row.getObject(1), row.getLong(2)))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(perAgent.keySet()).containsExactlyInAnyOrderElementsOf(agents);
        for (long agent : agents) {
            assertThat(perAgent.get(agent)).as("leads of agent " + agent).isBetween(124L, 126L);
        }
        assertThat(count("select count(*) from activity a join lead l on l.id = a.lead_id where l.team_id = ? and a.kind = 'ASSIGNED'",
                team.getId())).isEqualTo(LEADS);
        assertThat(count("select count(*) from task t join lead l on l.id = t.lead_id "
                + "where l.team_id = ? and t.state = 'OPEN' and t.owner_id = l.owner_id", team.getId())).isEqualTo(LEADS);
    }

    private long count(String sql, long teamId) {
        return jdbc.sql(sql).param(teamId).query(Long.class).single();
    }
}
