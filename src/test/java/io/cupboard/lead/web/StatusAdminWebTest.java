package io.cupboard.lead.web;

import io.cupboard.identity.Role;
import io.cupboard.identity.User;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class StatusAdminWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private User admin;

    @BeforeEach
    void createAdmin() {
        admin = fixtures.user(Role.ADMIN, null);
    }

    @Test
    void adminHomeLinksToSettings() throws Exception {
        Document page = page("/admin");

        assertThat(page.select("#admin-page a").eachAttr("href")).contains("/admin/statuses", "/admin/reasons", "/admin/outcomes");
    }

    @Test
    void statusesPageShowsHebrewLabels() throws Exception {
        Document page = page("/admin/statuses");

        assertThat(page.selectFirst("h1").text()).isEqualTo("סטטוסים");
        assertThat(page.select("#statuses th").eachText()).contains("קוד", "שם בעברית", "קטגוריה");
        assertThat(page.selectFirst("#statuses tr[data-code=NEW] td:nth-child(3)").text()).isEqualTo("חדש");
        assertThat(page.selectFirst("#statuses tr[data-code=NEW] td:nth-child(6)").text()).isEqualTo("יצירת קשר ראשונה");
    }

    @Test
    void reasonsPageShowsHebrewLabels() throws Exception {
        Document page = page("/admin/reasons");

        assertThat(page.selectFirst("h1").text()).isEqualTo("סיבות פסילה");
        assertThat(page.selectFirst("#reasons tr[data-code=PRICE] input[name=nameHe]").val()).isEqualTo("מחיר");
    }

    @Test
    void outcomesPageShowsHebrewLabels() throws Exception {
        Document page = page("/admin/outcomes");

        assertThat(page.selectFirst("h1").text()).isEqualTo("תוצאות שיחה");
        assertThat(page.selectFirst("#outcome-settings tr[data-outcome=NO_ANSWER] th").text()).isEqualTo("אין מענה");
    }

    @Test
    void invalidStatusShowsHebrewFieldErrors() throws Exception {
        String body = mvc.perform(post("/admin/statuses").param("code", "new").param("nameHe", "").param("nameEn", "New")
                        .param("category", "OPEN").param("taskType", "").param("defaultDelayMinutes", "0")
                        .param("priorityRank", "1").with(csrf()).with(user(fixtures.signedIn(admin))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(body);
        assertThat(page.selectFirst("#nameHe-error").text()).isEqualTo("שדה חובה.");
        assertThat(page.selectFirst("#create-status .alert-danger").text()).startsWith("הטופס לא נשמר.");
    }

    @Test
    void duplicateCodeShowsHebrewError() throws Exception {
        String body = mvc.perform(post("/admin/statuses").param("code", "new").param("nameHe", "חדש").param("nameEn", "New")
                        .param("category", "OPEN").param("taskType", "FIRST_CONTACT").param("defaultDelayMinutes", "0")
                        .param("priorityRank", "1").with(csrf()).with(user(fixtures.signedIn(admin))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(body).selectFirst("#code-error").text()).isEqualTo("הקוד NEW כבר קיים. בחרו קוד אחר.");
    }

    @Test
    void validStatusIsCreated() throws Exception {
        String code = "WEB_" + System.nanoTime();

        mvc.perform(post("/admin/statuses").param("code", code).param("nameHe", "נשלח חוזה").param("nameEn", "Contract sent")
                        .param("category", "OPEN").param("taskType", "FOLLOW_UP").param("defaultDelayMinutes", "600")
                        .param("priorityRank", "35").with(csrf()).with(user(fixtures.signedIn(admin))))
                .andExpect(redirectedUrl("/admin/statuses"));

        assertThat(page("/admin/statuses").select("#statuses tr[data-code=" + code + "]")).hasSize(1);
    }

    @Test
    void agentCannotOpenSettings() throws Exception {
        mvc.perform(get("/admin/statuses").with(user(fixtures.signedIn(fixtures.agent(fixtures.team())))))
                .andExpect(status().isForbidden());
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(fixtures.signedIn(admin)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}
