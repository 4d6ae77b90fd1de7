package io.cupboard.allocation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cupboard.allocation.AllocationRules;
import io.cupboard.allocation.AllocationStrategy;
import io.cupboard.allocation.LeadAllocator;
import io.cupboard.allocation.RuleDefinition;
import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.identity.UserRepository;
import io.cupboard.lead.LeadContact;
import io.cupboard.lead.LeadRegistration;
import io.cupboard.lead.LeadType;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The team pages with agents whose cap is 0, so that the pool never drains by itself and the
 * tests see exactly what the team lead moved.
 */
@IntegrationTest
class TeamReassignmentWebTest {

    @Autowired
    MockMvc mvc;

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

    private Team team;
    private Team otherTeam;
    private User teamLead;
    private User first;
    private User second;
    private User otherAgent;
    private String source;
    private List<Long> pool;

    @BeforeEach
    void createTeams() {
        team = fixtures.team();
        otherTeam = fixtures.team();
        teamLead = fixtures.user(Role.TEAM_LEAD, team);
        first = fullAgent(team);
        second = fullAgent(team);
        otherAgent = fullAgent(otherTeam);
        source = Fixtures.unique("source");
        rules.create(new RuleDefinition(Fixtures.unique("rule"), List.of(source), List.of(), null, null, team.getId(),
                AllocationStrategy.ROUND_ROBIN, null), fixtures.signedIn(fixtures.user(Role.ADMIN, null)));
        pool = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pool.add(newLead());
        }
    }

    @Test
    void poolPageListsTeamPool() throws Exception {
        Document page = page("/team/pool", teamLead);

        assertThat(page.selectFirst("h1").text()).isEqualTo("הצוות: " + team.getName());
        assertThat(page.select("#pool tr[data-lead-id]").eachAttr("data-lead-id"))
                .containsExactlyElementsOf(pool.stream().map(String::valueOf).toList());
        assertThat(page.selectFirst("#pool-size").text()).isEqualTo("לידים שממתינים במאגר: 3");
        assertThat(page.select("#pool-target option").eachAttr("value"))
                .contains("pool:" + team.getId(), "agent:" + first.getId(), "agent:" + second.getId())
                .doesNotContain("agent:" + otherAgent.getId(), "pool:" + otherTeam.getId());
        assertThat(page.select("#team-choice")).isEmpty();
    }

    @Test
    void teamLeadMovesSelectedLeadsToAgent() throws Exception {
        mvc.perform(post("/team/pool").param("team", team.getId().toString())
                        .param("leadIds", pool.get(0).toString(), pool.get(1).toString())
                        .param("target", "agent:" + second.getId()).param("reason", "חלוקה לפי שפה")
                        .with(csrf()).with(as(teamLead)))
                .andExpect(redirectedUrl("/team/pool?team=" + team.getId()));

        for (long lead : pool.subList(0, 2)) {
            assertThat(owner(lead)).isEqualTo(second.getId());
            assertThat(taskOwner(lead)).isEqualTo(second.getId());
            Map<String, Object> activity = lastAssignment(lead);
            assertThat(activity.get("note")).isEqualTo("חלוקה לפי שפה");
            assertThat(activity.get("actor_id")).isEqualTo(teamLead.getId());
            assertThat(activity.get("why")).isEqualTo("reassigned");
        }
        assertThat(owner(pool.get(2))).isNull();
    }

    @Test
    void htmxPostReturnsPoolSection() throws Exception {
        String body = mvc.perform(post("/team/pool").param("team", team.getId().toString())
                        .param("leadIds", pool.get(0).toString()).param("target", "agent:" + first.getId())
                        .header("HX-Request", "true").with(csrf()).with(as(teamLead)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        Document section = Jsoup.parse(body);
        assertThat(section.select("section")).isEmpty();
        assertThat(section.selectFirst("#pool .alert-success").text()).isEqualTo("הועברו 1 לידים.");
        assertThat(section.select("#pool tr[data-lead-id]")).hasSize(2);
    }

    @Test
    void emptySelectionIsRejected() throws Exception {
        String body = mvc.perform(post("/team/pool").param("team", team.getId().toString())
                        .param("target", "agent:" + first.getId())
                        .header("HX-Request", "true").with(csrf()).with(as(teamLead)))
                .andExpect(status().is(422))
                .andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(body).selectFirst(".alert-danger").text()).startsWith("לא נבחרו לידים.");
    }

    @Test
    void teamLeadCannotOpenOtherTeam() throws Exception {
        mvc.perform(get("/team/pool").param("team", otherTeam.getId().toString()).with(as(teamLead)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/team/pool").param("team", otherTeam.getId().toString()).param("leadIds", pool.get(0).toString())
                        .param("target", "agent:" + first.getId()).with(csrf()).with(as(teamLead)))
                .andExpect(status().isForbidden());
    }

    @Test
    void teamLeadCannotMoveOtherTeamsLead() throws Exception {
        User otherOwner = fixtures.agent(otherTeam);
        long foreign = fixtures.lead(otherOwner).getId();

        mvc.perform(post("/team/pool").param("team", team.getId().toString()).param("leadIds", foreign + "", pool.get(0) + "")
                        .param("target", "agent:" + first.getId()).with(csrf()).with(as(teamLead)))
                .andExpect(status().isNotFound());

        assertThat(owner(foreign)).isEqualTo(otherOwner.getId());
        assertThat(owner(pool.get(0))).isNull();
    }

    @Test
    void teamLeadCannotMoveLeadsToOtherTeam() throws Exception {
        mvc.perform(post("/team/pool").param("team", team.getId().toString()).param("leadIds", pool.get(0).toString())
                        .param("target", "agent:" + otherAgent.getId()).header("HX-Request", "true")
                        .with(csrf()).with(as(teamLead)))
                .andExpect(status().is(422));
        mvc.perform(post("/team/pool").param("team", team.getId().toString()).param("leadIds", pool.get(0).toString())
                        .param("target", "pool:" + otherTeam.getId()).header("HX-Request", "true")
                        .with(csrf()).with(as(teamLead)))
                .andExpect(status().is(422));

        assertThat(jdbc.sql("select team_id from lead where id = ?").param(pool.get(0)).query(Long.class).single())
                .isEqualTo(team.getId());
    }

    @Test
    void managerMovesLeadsAcrossTeams() throws Exception {
        User manager = fixtures.user(Role.MANAGER, null);

        Document page = page("/team/pool?team=" + team.getId(), manager);
        assertThat(page.select("#team-choice option[selected]").eachAttr("value")).containsExactly(team.getId().toString());
        assertThat(page.select("#pool-target option").eachAttr("value")).contains("agent:" + otherAgent.getId());

        mvc.perform(post("/team/pool").param("team", team.getId().toString()).param("leadIds", pool.get(0).toString())
                        .param("target", "agent:" + otherAgent.getId()).with(csrf()).with(as(manager)))
                .andExpect(status().is3xxRedirection());

        assertThat(owner(pool.get(0))).isEqualTo(otherAgent.getId());
        assertThat(jdbc.sql("select team_id from lead where id = ?").param(pool.get(0)).query(Long.class).single())
                .isEqualTo(otherTeam.getId());
    }

    @Test
    void agentsPageShowsCupSizes() throws Exception {
        fixtures.lead(first);
        fixtures.lead(first);

        Document page = page("/team/agents", teamLead);

        assertThat(page.selectFirst("#agents tr[data-agent-id=" + first.getId() + "] .cup-size").text()).isEqualTo("2");
        assertThat(page.selectFirst("#agents tr[data-agent-id=" + second.getId() + "] .cup-size").text()).isEqualTo("0");
        assertThat(page.select("#agents tr[data-agent-id=" + otherAgent.getId() + "]")).isEmpty();
    }

    @Test
    void movingWholeCupNeedsReason() throws Exception {
        long lead = fixtures.lead(first).getId();

        mvc.perform(post("/team/agents/" + first.getId() + "/move").param("target", "pool:" + team.getId()).param("reason", " ")
                        .with(csrf()).with(as(teamLead)))
                .andExpect(redirectedUrl("/team/agents/" + first.getId()));

        assertThat(owner(lead)).isEqualTo(first.getId());
    }

    @Test
    void teamLeadMovesWholeCup() throws Exception {
        List<Long> cup = List.of(fixtures.lead(first).getId(), fixtures.lead(first).getId(), fixtures.lead(first).getId());

        mvc.perform(post("/team/agents/" + first.getId() + "/move").param("target", "agent:" + second.getId())
                        .param("reason", "חופשה עד יום ראשון").with(csrf()).with(as(teamLead)))
                .andExpect(redirectedUrl("/team/agents/" + first.getId()));

        for (long lead : cup) {
            assertThat(owner(lead)).isEqualTo(second.getId());
            assertThat(taskOwner(lead)).isEqualTo(second.getId());
            assertThat(lastAssignment(lead)).containsEntry("note", "חופשה עד יום ראשון").containsEntry("why", "cupMoved");
        }
        assertThat(count("select count(*) from lead where owner_id = ? and closed_at is null", first.getId())).isZero();
    }

    @Test
    void teamLeadCannotOpenOtherTeamsAgent() throws Exception {
        mvc.perform(get("/team/agents/" + otherAgent.getId()).with(as(teamLead))).andExpect(status().isNotFound());
        mvc.perform(post("/team/agents/" + otherAgent.getId() + "/move").param("target", "pool:" + team.getId())
                        .param("reason", "x").with(csrf()).with(as(teamLead)))
                .andExpect(status().isNotFound());
    }

    @Test
    void agentCannotOpenTeamPages() throws Exception {
        mvc.perform(get("/team/pool").with(as(first))).andExpect(status().isForbidden());
        mvc.perform(get("/team/agents").with(as(first))).andExpect(status().isForbidden());
    }

    @Test
    void teamPageLinksToTools() throws Exception {
        Document page = page("/team", teamLead);

        assertThat(page.selectFirst("#team-pool-link").attr("href")).isEqualTo("/team/pool?team=" + team.getId());
        assertThat(page.selectFirst("#team-agents-link").attr("href")).isEqualTo("/team/agents?team=" + team.getId());
    }

    private User fullAgent(Team of) {
        User agent = fixtures.agent(of);
        agent.changeCapacity(0, 1);
        return users.saveAndFlush(agent);
    }

    private long newLead() {
        LeadContact contact = LeadContact.of("ליד במאגר", Fixtures.uniquePhone(), source);
        return transaction.execute(status -> allocator.allocate(registration.register(contact, LeadType.NEW, "test", null).getId())).leadId();
    }

    private Document page(String path, User viewer) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(viewer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private RequestPostProcessor as(User viewer) {
        return user(fixtures.signedIn(viewer));
    }

    private Long owner(long leadId) {
        return jdbc.sql("select owner_id from lead where id = ?").param(leadId)
                .query((row, number) -> (Long) row.getObject(1)).list().get(0);
    }

    private Long taskOwner(long leadId) {
        return jdbc.sql("select owner_id from task where lead_id = ? and state = 'OPEN'").param(leadId)
                .query((row, number) -> (Long) row.getObject(1)).list().get(0);
    }

    private Map<String, Object> lastAssignment(long leadId) {
        return jdbc.sql("""
                select note, actor_id, details ->> 'why' as why from activity
                where lead_id = ? and kind = 'ASSIGNED' order by id desc limit 1
                """).param(leadId).query().singleRow();
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }
}
