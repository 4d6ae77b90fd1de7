package io.cupboard.shared;

import java.util.ArrayList;
import java.util.List;

import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every form control on every page a role opens has a label that screen readers announce: a
 * {@code <label for>}, a wrapping label, {@code aria-label}, {@code aria-labelledby} or a title.
 * A placeholder alone does not count, because it disappears while the user types.
 */
@IntegrationTest
class FormLabelsTest {

    private static final String CONTROLS = "input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void adminPagesLabelEveryControl() throws Exception {
        User admin = fixtures.user(Role.ADMIN, null);
        List<String> unlabelled = new ArrayList<>();
        for (String path : List.of("/admin", "/admin/users", "/admin/users/" + admin.getId(), "/admin/teams", "/admin/statuses",
                "/admin/reasons", "/admin/outcomes", "/admin/priorities", "/admin/day-templates", "/admin/calendar",
                "/admin/policies", "/admin/policies/new", "/admin/allocation-rules", "/admin/intake/sources",
                "/admin/intake/registry", "/intake")) {
            unlabelled.addAll(unlabelledControls(path, admin));
        }

        assertThat(unlabelled).isEmpty();
    }

    @Test
    void agentPagesLabelEveryControl() throws Exception {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        User agent = fixtures.agent(fixtures.team());
        long leadId = fixtures.lead(agent).getId();
        List<String> unlabelled = new ArrayList<>(unlabelledControls("/workday/plan", agent));
        fixtures.openDay(agent);
        for (String path : List.of("/cup", "/leads/" + leadId, "/workday/close", "/alerts")) {
            unlabelled.addAll(unlabelledControls(path, agent));
        }

        assertThat(unlabelled).isEmpty();
    }

    @Test
    void teamLeadAndManagerPagesLabelEveryControl() throws Exception {
        Team team = fixtures.team();
        fixtures.lead(fixtures.agent(team));
        User teamLead = fixtures.user(Role.TEAM_LEAD, team);
        User manager = fixtures.user(Role.MANAGER, null);
        List<String> unlabelled = new ArrayList<>();
        for (String path : List.of("/team", "/team/pool", "/team/agents", "/team/day-status", "/intake", "/alerts")) {
            unlabelled.addAll(unlabelledControls(path, teamLead));
        }
        for (String path : List.of("/center", "/team")) {
            unlabelled.addAll(unlabelledControls(path, manager));
        }

        assertThat(unlabelled).isEmpty();
    }

    @Test
    void loginPageLabelsEveryControl() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(unlabelled("/login", page)).isEmpty();
    }

    private List<String> unlabelledControls(String path, User user) throws Exception {
        Document page = Jsoup.parse(mvc.perform(get(path).with(user(fixtures.signedIn(user))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        return unlabelled(path, page);
    }

    private static List<String> unlabelled(String path, Document page) {
        List<String> found = new ArrayList<>();
        for (Element control : page.select(CONTROLS)) {
            if (!labelled(control, page)) {
                found.add(path + ": " + control.tagName() + " name=" + control.attr("name") + " id=" + control.id());
            }
        }
        return found;
    }

    private static boolean labelled(Element control, Document page) {
        boolean byFor = !control.id().isEmpty() && page.selectFirst("label[for=" + control.id() + "]") != null
                && !page.selectFirst("label[for=" + control.id() + "]").text().isBlank();
        return byFor || control.closest("label") != null || !control.attr("aria-label").isBlank()
                || !control.attr("aria-labelledby").isBlank() || !control.attr("title").isBlank();
    }
}
