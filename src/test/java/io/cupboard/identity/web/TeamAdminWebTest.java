package io.cupboard.identity.web;

import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.TeamRepository;
import io.cupboard.identity.User;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class TeamAdminWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TeamRepository teams;

    private User admin;

    @BeforeEach
    void createAdmin() {
        admin = fixtures.user(Role.ADMIN, null);
    }

    @Test
    void adminCreatesTeam() throws Exception {
        String name = Fixtures.unique("צוות מרכז");

        mvc.perform(post("/admin/teams").param("name", name).param("averageHandlingMinutes", "7").with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/admin/teams"));

        Team team = teams.findByName(name).orElseThrow();
        assertThat(team.getAverageHandlingMinutes()).isEqualTo(7);
        assertThat(team.isActive()).isTrue();
    }

    @Test
    void takenTeamNameShowsError() throws Exception {
        Team existing = fixtures.team();

        Document page = Jsoup.parse(mvc.perform(post("/admin/teams").param("name", existing.getName())
                        .param("averageHandlingMinutes", "6").with(csrf()).with(asAdmin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#name-error").text()).isEqualTo("כבר יש צוות בשם " + existing.getName() + ". בחרו שם אחר.");
    }

    @Test
    void adminRenamesTeam() throws Exception {
        Team team = fixtures.team();
        String name = Fixtures.unique("שם חדש");

        mvc.perform(post("/admin/teams/" + team.getId()).param("name", name).param("averageHandlingMinutes", "9")
                        .param("version", team.getVersion() + "").with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/admin/teams"));

        Team renamed = teams.findById(team.getId()).orElseThrow();
        assertThat(renamed.getName()).isEqualTo(name);
        assertThat(renamed.getAverageHandlingMinutes()).isEqualTo(9);
    }

    @Test
    void teamWithActiveUsersStaysActive() throws Exception {
        Team team = fixtures.team();
        fixtures.agent(team);

        mvc.perform(post("/admin/teams/" + team.getId() + "/active").param("version", team.getVersion() + "")
                        .param("active", "false").with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/admin/teams"))
                .andExpect(flash().attribute("error", "identity.error.teamHasUsers"));

        assertThat(teams.findById(team.getId()).orElseThrow().isActive()).isTrue();
    }

    @Test
    void emptyTeamCanBeDeactivated() throws Exception {
        Team team = fixtures.team();

        mvc.perform(post("/admin/teams/" + team.getId() + "/active").param("version", team.getVersion() + "")
                        .param("active", "false").with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/admin/teams"));

        assertThat(teams.findById(team.getId()).orElseThrow().isActive()).isFalse();
        assertThat(page("/admin/teams").selectFirst("#teams tr[data-team-id=" + team.getId() + "] .badge").text()).isEqualTo("מושבת");
    }

    @Test
    void managerCannotOpenTeamAdministration() throws Exception {
        mvc.perform(get("/admin/teams").with(user(fixtures.signedIn(fixtures.user(Role.MANAGER, null)))))
                .andExpect(status().isForbidden());
    }

    private RequestPostProcessor asAdmin() {
        return user(fixtures.signedIn(admin));
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(asAdmin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}
