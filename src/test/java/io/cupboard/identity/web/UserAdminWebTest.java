package io.cupboard.identity.web;

import java.util.List;
import java.util.Map;

import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.identity.UserRepository;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class UserAdminWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcClient jdbc;

    private User admin;
    private Team team;

    @BeforeEach
    void createAdmin() {
        admin = fixtures.user(Role.ADMIN, null);
        team = fixtures.team();
    }

    @Test
    void adminHomeLinksToAllocationPages() throws Exception {
        Document page = page("/admin");

        assertThat(page.select("#admin-allocation a").eachAttr("href"))
                .containsExactly("/admin/allocation-rules", "/admin/users", "/admin/teams");
        assertThat(page.select("#admin-page a").eachAttr("href")).contains("/admin/statuses");
    }

    @Test
    void adminCreatesAgentWithCapacityAndLanguages() throws Exception {
        String username = Fixtures.unique("new.agent");

        mvc.perform(newUser(username, "long-enough-1").with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/admin/users"));

        User created = users.findByUsername(username).orElseThrow();
        assertThat(created.getRole()).isEqualTo(Role.AGENT);
        assertThat(created.getTeamId()).isEqualTo(team.getId());
        assertThat(created.getLanguages()).containsExactly("he", "ar");
        assertThat(created.getDailyCapacity()).isEqualTo(120);
        assertThat(created.getAllocationWeight()).isEqualTo(2);
        assertThat(passwordEncoder.matches("long-enough-1", created.getPasswordHash())).isTrue();
        assertThat(page("/admin/users").select("#users tr[data-username=" + username + "]")).hasSize(1);
    }

    @Test
    void takenUsernameShowsHebrewError() throws Exception {
        User existing = fixtures.agent(team);

        Document page = Jsoup.parse(mvc.perform(newUser(existing.getUsername().toUpperCase(), "long-enough-1")
                        .with(csrf()).with(asAdmin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#username-error").text())
                .isEqualTo("שם המשתמש " + existing.getUsername().toUpperCase() + " תפוס. בחרו שם אחר.");
    }

    @Test
    void shortPasswordIsRejected() throws Exception {
        String username = Fixtures.unique("short");

        Document page = Jsoup.parse(mvc.perform(newUser(username, "1234567").with(csrf()).with(asAdmin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#password-error").text()).isEqualTo("הסיסמה קצרה מדי: לפחות 8 תווים.");
        assertThat(users.findByUsername(username)).isEmpty();
    }

    @Test
    void passwordOverBcryptLimitIsRejected() throws Exception {
        String username = Fixtures.unique("long");

        // 40 Hebrew letters take 80 bytes in UTF-8; BCrypt takes at most 72.
        Document page = Jsoup.parse(mvc.perform(newUser(username, "ס".repeat(40)).with(csrf()).with(asAdmin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#password-error").text()).startsWith("הסיסמה ארוכה מדי: עד 72 בתים");
        assertThat(users.findByUsername(username)).isEmpty();
    }

    @Test
    void agentWithoutTeamIsRejected() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/admin/users").param("username", Fixtures.unique("noteam"))
                        .param("displayName", "בלי צוות").param("role", "AGENT").param("teamId", "")
                        .param("languages", "he").param("dailyCapacity", "10").param("allocationWeight", "1")
                        .param("password", "long-enough-1").with(csrf()).with(asAdmin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#teamId-error").text()).isEqualTo("נציגים וראשי צוות חייבים צוות. בחרו צוות.");
    }

    @Test
    void resetPasswordStoresNewHash() throws Exception {
        User agent = fixtures.agent(team);

        mvc.perform(post("/admin/users/" + agent.getId() + "/password").param("password", "brand-new-secret")
                        .with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/admin/users/" + agent.getId()));

        String hash = users.findById(agent.getId()).orElseThrow().getPasswordHash();
        assertThat(passwordEncoder.matches("brand-new-secret", hash)).isTrue();
        assertThat(passwordEncoder.matches(Fixtures.PASSWORD, hash)).isFalse();
    }

    @Test
    void shortResetPasswordKeepsOldOne() throws Exception {
        User agent = fixtures.agent(team);

        mvc.perform(post("/admin/users/" + agent.getId() + "/password").param("password", "short")
                        .with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/admin/users/" + agent.getId()));

        assertThat(passwordEncoder.matches(Fixtures.PASSWORD, users.findById(agent.getId()).orElseThrow().getPasswordHash())).isTrue();
    }

    @Test
    void deactivatingAgentReturnsLeadsToPool() throws Exception {
        User leaving = fixtures.agent(team);
        User full = fixtures.agent(team);
        full.changeCapacity(0, 1);
        users.saveAndFlush(full);
        List<Long> leads = List.of(fixtures.lead(leaving).getId(), fixtures.lead(leaving).getId());

        mvc.perform(post("/admin/users/" + leaving.getId() + "/active").param("version", version(leaving) + "")
                        .param("active", "false").with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/admin/users/" + leaving.getId()));

        assertThat(users.findById(leaving.getId()).orElseThrow().isActive()).isFalse();
        for (long lead : leads) {
            Map<String, Object> row = jdbc.sql("select owner_id, team_id, closed_at from lead where id = ?").param(lead).query().singleRow();
            assertThat(row.get("owner_id")).isNull();
            assertThat(row.get("team_id")).isEqualTo(team.getId());
            assertThat(row.get("closed_at")).isNull();
            assertThat(jdbc.sql("select count(*) from task where lead_id = ? and state = 'OPEN' and owner_id is null")
                    .param(lead).query(Long.class).single()).isEqualTo(1);
            Map<String, Object> activity = jdbc.sql("""
                    select actor_id, details ->> 'why' as why, details ->> 'previousOwnerId' as previous_owner
                    from activity where lead_id = ? and kind = 'ASSIGNED' order by id desc limit 1
                    """).param(lead).query().singleRow();
            assertThat(activity.get("actor_id")).isEqualTo(admin.getId());
            assertThat(activity.get("why")).isEqualTo("ownerDeactivated");
            assertThat(activity.get("previous_owner")).isEqualTo(leaving.getId().toString());
        }
    }

    @Test
    void raisingCapacityDrainsPool() throws Exception {
        User leaving = fixtures.agent(team);
        User full = fixtures.agent(team);
        full.changeCapacity(0, 1);
        users.saveAndFlush(full);
        fixtures.openDay(full);
        long lead = fixtures.lead(leaving).getId();
        mvc.perform(post("/admin/users/" + leaving.getId() + "/active").param("version", version(leaving) + "")
                .param("active", "false").with(csrf()).with(asAdmin()));

        mvc.perform(post("/admin/users/" + full.getId()).param("displayName", full.getDisplayName()).param("role", "AGENT")
                        .param("teamId", team.getId().toString()).param("languages", "he").param("dailyCapacity", "50")
                        .param("allocationWeight", "1").param("version", version(full) + "").with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/admin/users/" + full.getId()));

        assertThat(jdbc.sql("select owner_id from lead where id = ?").param(lead).query(Long.class).single()).isEqualTo(full.getId());
    }

    @Test
    void movingAgentToAnotherTeamReturnsLeads() throws Exception {
        User mover = fixtures.agent(team);
        long lead = fixtures.lead(mover).getId();
        Team other = fixtures.team();

        mvc.perform(post("/admin/users/" + mover.getId()).param("displayName", mover.getDisplayName()).param("role", "AGENT")
                        .param("teamId", other.getId().toString()).param("languages", "he").param("dailyCapacity", "200")
                        .param("allocationWeight", "1").param("version", version(mover) + "").with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/admin/users/" + mover.getId()));

        Map<String, Object> row = jdbc.sql("select owner_id, team_id from lead where id = ?").param(lead).query().singleRow();
        assertThat(row.get("owner_id")).isNull();
        assertThat(row.get("team_id")).isEqualTo(team.getId());
    }

    @Test
    void adminCannotDeactivateSelf() throws Exception {
        mvc.perform(post("/admin/users/" + admin.getId() + "/active").param("version", version(admin) + "")
                        .param("active", "false").with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/admin/users/" + admin.getId()));

        assertThat(users.findById(admin.getId()).orElseThrow().isActive()).isTrue();
    }

    @Test
    void editPageShowsSettings() throws Exception {
        User agent = fixtures.agent(team);

        Document page = page("/admin/users/" + agent.getId());

        assertThat(page.selectFirst("h1").text()).isEqualTo("משתמש/ת: " + agent.getDisplayName());
        assertThat(page.selectFirst("#languages").val()).isEqualTo("he");
        assertThat(page.selectFirst("#dailyCapacity").val()).isEqualTo("200");
        assertThat(page.selectFirst("#teamId option[selected]").val()).isEqualTo(team.getId().toString());
    }

    @Test
    void teamLeadCannotOpenUserAdministration() throws Exception {
        mvc.perform(get("/admin/users").with(user(fixtures.signedIn(fixtures.user(Role.TEAM_LEAD, team)))))
                .andExpect(status().isForbidden());
    }

    private MockHttpServletRequestBuilder newUser(String username, String password) {
        return post("/admin/users").param("username", username).param("displayName", "נציגה חדשה").param("role", "AGENT")
                .param("teamId", team.getId().toString()).param("languages", "he, AR").param("dailyCapacity", "120")
                .param("allocationWeight", "2").param("shiftStart", "09:00").param("shiftEnd", "17:00")
                .param("password", password);
    }

    private int version(User user) {
        return users.findById(user.getId()).orElseThrow().getVersion();
    }

    private RequestPostProcessor asAdmin() {
        return user(fixtures.signedIn(admin));
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(asAdmin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}
