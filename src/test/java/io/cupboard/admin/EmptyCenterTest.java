package io.cupboard.admin;

import java.util.List;

import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.support.Fixtures;
import io.cupboard.support.TestConfiguration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Checks the pages of a new center that has no teams, agents, rules, sources or leads yet: each page
 * says what is missing and where to add it. The database is this class's own, and the tests that
 * need it still empty run first.
 */
@SpringBootTest(properties = "cupboard.database.embedded.database-name=cupboard_empty_center")
@AutoConfigureMockMvc
@Import(TestConfiguration.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmptyCenterTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    @Order(1)
    void adminHomeListsFirstSteps() throws Exception {
        Document page = page("/admin", fixtures.user(Role.ADMIN, null));

        List<Element> steps = page.select("#setup-steps .setup-step");
        assertThat(steps).extracting(step -> step.attr("data-step")).containsExactly("teams", "users", "rules", "sources");
        assertThat(steps).allMatch(step -> step.attr("data-done").equals("false"));
        assertThat(page.select("#setup-steps a").eachAttr("href"))
                .containsExactly("/admin/teams", "/admin/users", "/admin/allocation-rules", "/admin/intake/sources");
        assertThat(steps.get(0).text()).isEqualTo("יצירת צוות");
    }

    @Test
    @Order(1)
    void teamsPageExplainsNoTeams() throws Exception {
        Document page = page("/admin/teams", fixtures.user(Role.ADMIN, null));

        assertThat(page.selectFirst("#no-teams").text()).startsWith("עדיין אין צוותים.");
        assertThat(page.selectFirst("table#teams")).isNull();
        assertThat(page.selectFirst("#create-team form")).isNotNull();
    }

    @Test
    @Order(1)
    void rulesPageLinksToTeams() throws Exception {
        Document page = page("/admin/allocation-rules", fixtures.user(Role.ADMIN, null));

        assertThat(page.selectFirst("#rules-no-teams a").attr("href")).isEqualTo("/admin/teams");
    }

    @Test
    @Order(1)
    void importLinksAdminToSources() throws Exception {
        Document page = page("/intake", fixtures.user(Role.ADMIN, null));

        assertThat(page.selectFirst("#no-sources a").attr("href")).isEqualTo("/admin/intake/sources");
        assertThat(page.selectFirst("#upload form")).isNull();
    }

    @Test
    @Order(1)
    void centerShowsNoDataInsteadOfEmptyCharts() throws Exception {
        Document page = page("/center", fixtures.user(Role.MANAGER, null));

        assertThat(page.select(".chart-empty")).hasSize(5);
        assertThat(page.select(".chart-empty").eachText()).allMatch(text -> text.equals("אין נתונים בטווח הזה."));
        assertThat(page.select("canvas[data-chart]")).isEmpty();
        assertThat(page.selectFirst("#teams-card p").text()).startsWith("עדיין אין צוותים.");
    }

    @Test
    @Order(2)
    void importAsksTeamLeadToAskAdmin() throws Exception {
        Document page = page("/intake", fixtures.user(Role.TEAM_LEAD, fixtures.team()));

        assertThat(page.selectFirst("#no-sources").text()).isEqualTo("עדיין לא הוגדרו מקורות לידים. בקשו ממנהל המערכת להגדיר מקור.");
        assertThat(page.selectFirst("#no-sources a")).isNull();
    }

    @Test
    @Order(2)
    void teamLeadOfEmptyTeamSeesWhereAgentsComeFrom() throws Exception {
        Document page = page("/team", fixtures.user(Role.TEAM_LEAD, fixtures.team()));

        assertThat(page.selectFirst("#no-agents").text()).isEqualTo(
                "אין עדיין נציגים פעילים בצוות. מנהל/ת המערכת מוסיף/ה נציגים לצוות בדף המשתמשים.");
        assertThat(page.selectFirst("table#agents")).isNull();
    }

    @Test
    @Order(2)
    void emptyCupExplainsNextLead() throws Exception {
        User agent = fixtures.agent(fixtures.team());
        fixtures.openDay(agent);

        Document cup = page("/cup", agent);
        assertThat(cup.selectFirst("#cup-empty").text()).isEqualTo("אין משימות להיום. אפשר ללחוץ \"הליד הבא\" כדי לקחת ליד ממאגר הצוות.");

        mvc.perform(get("/cup/next").with(user(fixtures.signedIn(agent))))
                .andExpect(redirectedUrl("/cup"))
                .andExpect(flash().attribute("info", "cup.next.none"));
    }

    @Test
    @Order(3)
    void adminHomeMarksDoneSteps() throws Exception {
        Team team = fixtures.team();
        fixtures.agent(team);

        Document page = page("/admin", fixtures.user(Role.ADMIN, null));

        assertThat(page.select("#setup-steps .setup-step[data-done=true]").eachAttr("data-step")).containsExactly("teams", "users");
        assertThat(page.select("#setup-steps a").eachAttr("href")).containsExactly("/admin/allocation-rules", "/admin/intake/sources");
    }

    private Document page(String path, User user) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(fixtures.signedIn(user))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
