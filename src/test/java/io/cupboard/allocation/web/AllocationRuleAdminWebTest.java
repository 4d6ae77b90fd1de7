package io.cupboard.allocation.web;

import java.util.List;

import io.cupboard.allocation.AllocationRule;
import io.cupboard.allocation.AllocationRules;
import io.cupboard.allocation.AllocationStrategy;
import io.cupboard.allocation.RuleDefinition;
import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.lead.LeadType;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Rules created here match only a unique source, so they never decide other tests' leads. */
@IntegrationTest
class AllocationRuleAdminWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AllocationRules rules;

    private User admin;
    private Team team;

    @BeforeEach
    void createAdmin() {
        admin = fixtures.user(Role.ADMIN, null);
        team = fixtures.team();
    }

    @Test
    void adminCreatesRule() throws Exception {
        String name = Fixtures.unique("פייסבוק לצפון");
        String source = Fixtures.unique("Facebook");

        mvc.perform(post("/admin/allocation-rules").param("name", name).param("sources", source + ", Instagram")
                        .param("campaigns", "").param("leadType", "RENEWED").param("language", "AR")
                        .param("teamId", team.getId().toString()).param("strategy", "WEIGHTED_ROUND_ROBIN")
                        .param("secondWaveTeamId", "").with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/admin/allocation-rules"));

        AllocationRule rule = rules.rules().stream().filter(candidate -> candidate.getName().equals(name)).findFirst().orElseThrow();
        assertThat(rule.getSources()).containsExactly(source.toLowerCase(), "instagram");
        assertThat(rule.getCampaigns()).isEmpty();
        assertThat(rule.getLeadType()).isEqualTo(LeadType.RENEWED);
        assertThat(rule.getLanguage()).isEqualTo("ar");
        assertThat(rule.getStrategy()).isEqualTo(AllocationStrategy.WEIGHTED_ROUND_ROBIN);
        assertThat(rule.getSecondWaveTeamId()).isNull();
        Document page = page("/admin/allocation-rules");
        assertThat(page.selectFirst("#rules tr[data-rule-id=" + rule.getId() + "] td:nth-child(5)").text()).isEqualTo("סבב לפי משקל");
    }

    @Test
    void ruleWithoutTeamShowsHebrewError() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/admin/allocation-rules").param("name", "בלי צוות")
                        .param("teamId", "").param("strategy", "ROUND_ROBIN").with(csrf()).with(asAdmin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#teamId-error").text()).isEqualTo("שדה חובה.");
    }

    @Test
    void invalidLanguageShowsError() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/admin/allocation-rules").param("name", "שפה")
                        .param("sources", Fixtures.unique("source")).param("language", "hebrew")
                        .param("teamId", team.getId().toString()).param("strategy", "ROUND_ROBIN").with(csrf()).with(asAdmin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#language-error").text()).startsWith("קוד השפה לא תקין.");
    }

    @Test
    void movingRuleUpChangesOrder() throws Exception {
        AllocationRule first = rule();
        AllocationRule second = rule();

        mvc.perform(post("/admin/allocation-rules/" + second.getId() + "/move").param("up", "true").with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/admin/allocation-rules"));

        List<Long> order = rules.rules().stream().map(AllocationRule::getId)
                .filter(id -> id.equals(first.getId()) || id.equals(second.getId())).toList();
        assertThat(order).containsExactly(second.getId(), first.getId());
    }

    @Test
    void adminEditsAndDeactivatesRule() throws Exception {
        AllocationRule rule = rule();

        mvc.perform(post("/admin/allocation-rules/" + rule.getId()).param("name", "שם אחר")
                        .param("sources", rule.getSources().get(0)).param("teamId", team.getId().toString())
                        .param("strategy", "LEAST_LOADED").param("version", rule.getVersion() + "").with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/admin/allocation-rules"));
        AllocationRule edited = rules.rule(rule.getId());
        mvc.perform(post("/admin/allocation-rules/" + rule.getId() + "/active").param("version", edited.getVersion() + "")
                        .param("active", "false").with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/admin/allocation-rules"));

        AllocationRule saved = rules.rule(rule.getId());
        assertThat(saved.getName()).isEqualTo("שם אחר");
        assertThat(saved.getStrategy()).isEqualTo(AllocationStrategy.LEAST_LOADED);
        assertThat(saved.isActive()).isFalse();
        assertThat(page("/admin/allocation-rules/" + rule.getId()).selectFirst("#name").val()).isEqualTo("שם אחר");
    }

    @Test
    void unknownRuleIsNotFound() throws Exception {
        mvc.perform(get("/admin/allocation-rules/999999999").with(asAdmin())).andExpect(status().isNotFound());
    }

    @Test
    void teamLeadCannotOpenRules() throws Exception {
        mvc.perform(get("/admin/allocation-rules").with(user(fixtures.signedIn(fixtures.user(Role.TEAM_LEAD, team)))))
                .andExpect(status().isForbidden());
    }

    private AllocationRule rule() {
        return rules.create(new RuleDefinition(Fixtures.unique("rule"), List.of(Fixtures.unique("source")), List.of(), null, null,
                team.getId(), AllocationStrategy.ROUND_ROBIN, null), fixtures.signedIn(admin));
    }

    private RequestPostProcessor asAdmin() {
        return user(fixtures.signedIn(admin));
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(asAdmin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}
