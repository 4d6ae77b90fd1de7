package io.cupboard.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.identity.UserRepository;
import io.cupboard.lead.CallOutcome;
import io.cupboard.lead.LeadAssignments;
import io.cupboard.lead.LeadRegistration;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.OutcomeRequest;
import io.cupboard.lead.Outcomes;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@RecordApplicationEvents
class LeadAllocatorTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AllocationRules rules;

    @Autowired
    LeadRegistration registration;

    @Autowired
    LeadAllocator allocator;

    @Autowired
    AgentPicker picker;

    @Autowired
    LeadAssignments assignments;

    @Autowired
    PoolDrain drain;

    @Autowired
    Outcomes outcomes;

    @Autowired
    UserRepository users;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    AutowireCapableBeanFactory beans;

    @Autowired
    ApplicationEvents events;

    private AllocationScenario scenario;
    private Team team;

    @BeforeEach
    void createTeam() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        scenario = new AllocationScenario(fixtures, rules, registration, allocator, users, transaction);
        team = fixtures.team();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void roundRobinTakesAgentsInTurn() {
        List<Long> agents = ids(scenario.agent(team, 1, 100), scenario.agent(team, 1, 100), scenario.agent(team, 1, 100));
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);

        List<Long> owners = owners(6);

        assertThat(owners).containsExactly(agents.get(0), agents.get(1), agents.get(2), agents.get(0), agents.get(1), agents.get(2));
    }

    @Test
    void roundRobinContinuesOnAnotherInstance() {
        List<Long> agents = ids(scenario.agent(team, 1, 100), scenario.agent(team, 1, 100), scenario.agent(team, 1, 100));
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        LeadAllocator otherInstance = beans.createBean(LeadAllocator.class);
        AllocationScenario onOtherInstance = new AllocationScenario(fixtures, rules, registration, otherInstance, users, transaction);

        Long first = scenario.newLead().ownerId();
        Long second = onOtherInstance.newLead(scenario.source, null, "he", LeadType.NEW).ownerId();
        Long third = scenario.newLead().ownerId();
        Long fourth = onOtherInstance.newLead(scenario.source, null, "he", LeadType.NEW).ownerId();

        assertThat(List.of(first, second, third, fourth)).containsExactly(agents.get(0), agents.get(1), agents.get(2), agents.get(0));
        assertThat(jdbc.sql("select last_agent_id from allocation_cursor where team_id = ?").param(team.getId())
                .query(Long.class).single()).isEqualTo(agents.get(0));
    }

    @Test
    void weightedRoundRobinFollowsWeights() {
        List<Long> agents = ids(scenario.agent(team, 1, 100), scenario.agent(team, 2, 100), scenario.agent(team, 3, 100));
        scenario.rule(team, AllocationStrategy.WEIGHTED_ROUND_ROBIN);

        List<Long> owners = owners(12);

        assertThat(owners.subList(0, 6)).containsExactly(agents.get(0), agents.get(1), agents.get(1),
                agents.get(2), agents.get(2), agents.get(2));
        assertThat(owners).filteredOn(agents.get(0)::equals).hasSize(2);
        assertThat(owners).filteredOn(agents.get(1)::equals).hasSize(4);
        assertThat(owners).filteredOn(agents.get(2)::equals).hasSize(6);
    }

    @Test
    void leastLoadedPicksFewestOpenLeads() {
        User busy = scenario.agent(team, 1, 100);
        User idle = scenario.agent(team, 1, 100);
        User between = scenario.agent(team, 1, 100);
        fixtures.lead(busy);
        fixtures.lead(busy);
        fixtures.lead(between);
        scenario.rule(team, AllocationStrategy.LEAST_LOADED);

        List<Long> owners = owners(3);

        // Loads 2/0/1: the idle agent first, then the tie of 1 and 1 goes round robin after the idle agent.
        assertThat(owners).containsExactly(idle.getId(), between.getId(), idle.getId());
    }

    @Test
    void agentAtCapIsSkipped() {
        User small = scenario.agent(team, 1, 1);
        User large = scenario.agent(team, 1, 10);
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);

        List<Long> owners = owners(3);

        assertThat(owners).containsExactly(small.getId(), large.getId(), large.getId());
    }

    @Test
    void inactiveAgentIsSkipped() {
        User inactive = scenario.agent(team, 1, 10);
        User active = scenario.agent(team, 1, 10);
        inactive.deactivate();
        users.saveAndFlush(inactive);
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);

        assertThat(owners(2)).containsExactly(active.getId(), active.getId());
    }

    @Test
    void absentAgentIsSkipped() {
        User absent = scenario.agent(team, 1, 10);
        User present = scenario.agent(team, 1, 10);

        AgentPicker.Pick pick = transaction.execute(status -> picker.begin(team.getId(), Set.of(absent.getId()))
                .pick(AllocationStrategy.ROUND_ROBIN, null, Set.of()));

        assertThat(pick.agentId()).isEqualTo(present.getId());
        assertThat(pick.agentsWithRoom()).isEqualTo(1);
    }

    @Test
    void batchKeepsWeightedTurns() {
        List<Long> agents = ids(scenario.agent(team, 1, 100), scenario.agent(team, 2, 100));
        scenario.rule(team, AllocationStrategy.WEIGHTED_ROUND_ROBIN);
        String source = scenario.source;

        List<Long> owners = scenario.newLeads(source, source, source, source, source, source).stream()
                .map(LeadAllocator.Allocation::ownerId).toList();
        Long next = scenario.newLead().ownerId();

        assertThat(owners).containsExactly(agents.get(0), agents.get(1), agents.get(1), agents.get(0), agents.get(1), agents.get(1));
        assertThat(next).isEqualTo(agents.get(0));
    }

    @Test
    void batchStopsAtCaps() {
        User first = scenario.agent(team, 1, 2);
        User second = scenario.agent(team, 1, 2);
        scenario.rule(team, AllocationStrategy.LEAST_LOADED);
        String source = scenario.source;

        List<LeadAllocator.Allocation> allocations = scenario.newLeads(source, source, source, source, source);

        assertThat(allocations).extracting(LeadAllocator.Allocation::ownerId)
                .containsExactly(first.getId(), second.getId(), first.getId(), second.getId(), null);
        assertThat(allocations).extracting(LeadAllocator.Allocation::teamId).containsOnly(team.getId());
        assertThat(jdbc.sql("select count(*) from lead where team_id = ? and owner_id is null and closed_at is null")
                .param(team.getId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from task where team_id = ? and owner_id = ? and state = 'OPEN'")
                .param(team.getId()).param(first.getId()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void batchFollowsEachLeadsRule() {
        Team other = fixtures.team();
        User teamAgent = scenario.agent(team, 1, 10);
        User otherAgent = scenario.agent(other, 1, 10);
        String otherSource = Fixtures.unique("other");
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        scenario.rule(new RuleDefinition(Fixtures.unique("rule"), List.of(otherSource), List.of(), null, null, other.getId(),
                AllocationStrategy.ROUND_ROBIN, null));

        List<LeadAllocator.Allocation> allocations = scenario.newLeads(otherSource, scenario.source, Fixtures.unique("unknown"));

        assertThat(allocations).extracting(LeadAllocator.Allocation::ownerId).containsExactly(otherAgent.getId(), teamAgent.getId(), null);
        assertThat(allocations).extracting(LeadAllocator.Allocation::teamId).containsExactly(other.getId(), team.getId(), null);
        long withoutRule = allocations.get(2).leadId();
        assertThat(jdbc.sql("select details ->> 'why' from activity where lead_id = ? and kind = 'SYSTEM'")
                .param(withoutRule).query(String.class).list()).containsExactly("noRule");
        assertThat(jdbc.sql("select details ->> 'ruleId' from activity where lead_id = ? and kind = 'ASSIGNED'")
                .param(allocations.get(0).leadId()).query(String.class).single()).isNotNull();
        assertThat(events.stream(LeadAllocated.class).map(LeadAllocated::leadId))
                .contains(allocations.get(0).leadId(), allocations.get(1).leadId())
                .doesNotContain(withoutRule);
    }

    @Test
    void leadWaitsInPoolWhenEveryoneIsFull() {
        scenario.agent(team, 1, 0);
        AllocationRule rule = scenario.rule(team, AllocationStrategy.ROUND_ROBIN);

        LeadAllocator.Allocation allocation = scenario.newLead();

        assertThat(allocation.ownerId()).isNull();
        assertThat(allocation.teamId()).isEqualTo(team.getId());
        assertThat(allocation.ruleId()).isEqualTo(rule.getId());
        Map<String, Object> lead = jdbc.sql("select owner_id, team_id from lead where id = ?").param(allocation.leadId()).query().singleRow();
        assertThat(lead.get("owner_id")).isNull();
        assertThat(lead.get("team_id")).isEqualTo(team.getId());
        Map<String, Object> task = jdbc.sql("select owner_id, team_id from task where lead_id = ? and state = 'OPEN'")
                .param(allocation.leadId()).query().singleRow();
        assertThat(task.get("owner_id")).isNull();
        assertThat(task.get("team_id")).isEqualTo(team.getId());
        assertThat(assignedWhy(allocation.leadId())).containsExactly("noAgent");
    }

    @Test
    void closingLeadDrainsPool() {
        User agent = scenario.agent(team, 1, 1);
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        long first = scenario.newLead().leadId();
        long waiting = scenario.newLead().leadId();
        assertThat(owner(waiting)).isNull();

        outcomes.record(first, version(first), OutcomeRequest.of(CallOutcome.SALE), fixtures.signedIn(agent));

        assertThat(owner(waiting)).isEqualTo(agent.getId());
        assertThat(assignedWhy(waiting)).containsExactly("noAgent", "fromPool");
        assertThat(jdbc.sql("select owner_id from task where lead_id = ? and state = 'OPEN'").param(waiting)
                .query(Long.class).single()).isEqualTo(agent.getId());
    }

    @Test
    void previousOwnerNeverGetsLeadBack() {
        User first = scenario.agent(team, 1, 10);
        User second = scenario.agent(team, 1, 10);
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        long lead = scenario.newLead().leadId();
        assertThat(owner(lead)).isEqualTo(first.getId());
        transaction.executeWithoutResult(status -> assignments.reassign(List.of(lead), null, null,
                io.cupboard.lead.AssignmentReason.of("test"), null));
        // The next turn belongs to the second agent; use it up so that the first agent is next.
        scenario.newLead();

        drain.drain(team.getId());

        assertThat(owner(lead)).isEqualTo(second.getId());
    }

    @Test
    void formerOwnerAloneLeavesLeadWaiting() {
        User only = scenario.agent(team, 1, 10);
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        long lead = scenario.newLead().leadId();
        transaction.executeWithoutResult(status -> assignments.reassign(List.of(lead), null, null,
                io.cupboard.lead.AssignmentReason.of("test"), null));
        int activities = activities(lead);

        drain.drain(team.getId());
        drain.drain(team.getId());

        assertThat(owner(lead)).isNull();
        assertThat(activities(lead)).isEqualTo(activities);
        assertThat(only.getId()).isNotNull();
    }

    @Test
    void languageRuleNeedsSpeakingAgent() {
        scenario.agent(team, 1, 10, List.of("he"));
        User arabic = scenario.agent(team, 1, 10, List.of("he", "ar"));
        scenario.rule(new RuleDefinition("ערבית", List.of(scenario.source), List.of(), null, "ar", team.getId(),
                AllocationStrategy.ROUND_ROBIN, null));

        Long firstOwner = scenario.newLead(scenario.source, null, "ar", LeadType.NEW).ownerId();
        Long secondOwner = scenario.newLead(scenario.source, null, "ar", LeadType.NEW).ownerId();

        assertThat(firstOwner).isEqualTo(arabic.getId());
        assertThat(secondOwner).isEqualTo(arabic.getId());
    }

    @Test
    void firstMatchingRuleDecides() {
        Team campaignTeam = fixtures.team();
        Team renewedTeam = fixtures.team();
        scenario.agent(team, 1, 10);
        scenario.agent(campaignTeam, 1, 10);
        scenario.agent(renewedTeam, 1, 10);
        scenario.rule(new RuleDefinition("קמפיין", List.of(scenario.source.toUpperCase()), List.of("מבצע חורף"), null, null,
                campaignTeam.getId(), AllocationStrategy.ROUND_ROBIN, null));
        scenario.rule(new RuleDefinition("מחודשים", List.of(scenario.source), List.of(), LeadType.RENEWED, null,
                renewedTeam.getId(), AllocationStrategy.ROUND_ROBIN, null));
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);

        assertThat(scenario.newLead(scenario.source, "מבצע חורף", "he", LeadType.RENEWED).teamId()).isEqualTo(campaignTeam.getId());
        assertThat(scenario.newLead(scenario.source, "אחר", "he", LeadType.RENEWED).teamId()).isEqualTo(renewedTeam.getId());
        assertThat(scenario.newLead(scenario.source, null, "he", LeadType.NEW).teamId()).isEqualTo(team.getId());
    }

    @Test
    void ruleOfInactiveTeamIsSkipped() {
        Team closed = fixtures.team();
        scenario.rule(closed, AllocationStrategy.ROUND_ROBIN);
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        jdbc.sql("update team set active = false where id = ?").param(closed.getId()).update();

        assertThat(scenario.newLead().teamId()).isEqualTo(team.getId());
    }

    @Test
    void leadWithoutMatchingRuleWaitsWithoutTeam() {
        LeadAllocator.Allocation allocation = scenario.newLead(Fixtures.unique("unknown"), null, "he", LeadType.NEW);

        assertThat(allocation.teamId()).isNull();
        assertThat(allocation.ownerId()).isNull();
        assertThat(jdbc.sql("select details ->> 'why' from activity where lead_id = ? and kind = 'SYSTEM'")
                .param(allocation.leadId()).query(String.class).list()).containsExactly("noRule");
    }

    @Test
    void newRuleAllocatesLeadsWithoutTeam() {
        User agent = scenario.agent(team, 1, 10);
        long lead = scenario.newLead().leadId();
        assertThat(owner(lead)).isNull();

        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);

        assertThat(owner(lead)).isEqualTo(agent.getId());
    }

    @Test
    void allocationRecordsRuleOnTimeline() {
        User agent = scenario.agent(team, 1, 10);
        AllocationRule rule = scenario.rule(team, AllocationStrategy.LEAST_LOADED);

        long lead = scenario.newLead().leadId();

        Map<String, Object> activity = jdbc.sql("""
                select actor_id, details ->> 'why' as why, details ->> 'ruleId' as rule_id, details ->> 'ruleName' as rule_name,
                       details ->> 'strategy' as strategy, details ->> 'ownerId' as owner_id
                from activity where lead_id = ? and kind = 'ASSIGNED'
                """).param(lead).query().singleRow();
        assertThat(activity.get("actor_id")).isNull();
        assertThat(activity.get("why")).isEqualTo("rule");
        assertThat(activity.get("rule_id")).isEqualTo(rule.getId().toString());
        assertThat(activity.get("rule_name")).isEqualTo(rule.getName());
        assertThat(activity.get("strategy")).isEqualTo("LEAST_LOADED");
        assertThat(activity.get("owner_id")).isEqualTo(agent.getId().toString());
    }

    @Test
    void allocationPublishesLeadAllocated() {
        User agent = scenario.agent(team, 1, 10);
        AllocationRule rule = scenario.rule(team, AllocationStrategy.ROUND_ROBIN);

        long lead = scenario.newLead().leadId();

        assertThat(events.stream(LeadAllocated.class).filter(event -> event.leadId() == lead))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.ownerId()).isEqualTo(agent.getId());
                    assertThat(event.teamId()).isEqualTo(team.getId());
                    assertThat(event.ruleId()).isEqualTo(rule.getId());
                    assertThat(event.at()).isEqualTo(TestTimes.TUESDAY_MORNING);
                });
    }

    @Test
    void allocatingTwiceChangesNothing() {
        User agent = scenario.agent(team, 1, 10);
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        long lead = scenario.newLead().leadId();

        LeadAllocator.Allocation again = transaction.execute(status -> allocator.allocate(lead));

        assertThat(again.ownerId()).isEqualTo(agent.getId());
        assertThat(assignedWhy(lead)).containsExactly("rule");
    }

    @Test
    void leadOfDeactivatedOwnerIsAllocatedAgain() {
        User former = scenario.agent(team, 1, 10);
        User present = scenario.agent(team, 1, 10);
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        long lead = scenario.newLead().leadId();
        assertThat(owner(lead)).isEqualTo(former.getId());
        jdbc.sql("update app_user set active = false where id = ?").param(former.getId()).update();

        LeadAllocator.Allocation again = transaction.execute(status -> allocator.allocate(lead));

        assertThat(again.ownerId()).isEqualTo(present.getId());
        assertThat(owner(lead)).isEqualTo(present.getId());
        assertThat(assignedWhy(lead)).containsExactly("rule", "rule");
    }

    private List<Long> owners(int leads) {
        List<Long> owners = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            owners.add(scenario.newLead().ownerId());
        }
        return owners;
    }

    private static List<Long> ids(User... agents) {
        return java.util.Arrays.stream(agents).map(User::getId).toList();
    }

    private Long owner(long leadId) {
        return jdbc.sql("select owner_id from lead where id = ?").param(leadId)
                .query((row, number) -> (Long) row.getObject("owner_id")).list().get(0);
    }

    private int version(long leadId) {
        return jdbc.sql("select version from lead where id = ?").param(leadId).query(Integer.class).single();
    }

    private int activities(long leadId) {
        return jdbc.sql("select count(*) from activity where lead_id = ?").param(leadId).query(Integer.class).single();
    }

    private List<String> assignedWhy(long leadId) {
        return jdbc.sql("select details ->> 'why' from activity where lead_id = ? and kind = 'ASSIGNED' order by id")
                .param(leadId).query(String.class).list();
    }
}
