package io.cupboard.shared;

import io.cupboard.identity.Role;
import io.cupboard.identity.User;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class LayoutTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserDetailsService userDetails;

    @Test
    void hebrewIsTheDefaultAndRightToLeft() throws Exception {
        Document page = page(mvc.perform(get("/login")).andExpect(status().isOk()).andReturn());

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("he");
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.select("link[href*=bootstrap.rtl.min.css]")).hasSize(1);
        assertThat(page.selectFirst("h1").text()).isEqualTo("כניסה");
    }

    @Test
    void englishIsLeftToRight() throws Exception {
        Document page = page(mvc.perform(get("/login").param("lang", "en")).andExpect(status().isOk()).andReturn());

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("ltr");
        assertThat(page.select("link[href*=bootstrap.rtl.min.css]")).isEmpty();
        assertThat(page.selectFirst("h1").text()).isEqualTo("Log in");
    }

    @Test
    void chosenLanguageIsRemembered() throws Exception {
        MvcResult switched = mvc.perform(get("/login").param("lang", "en")).andReturn();
        Cookie language = switched.getResponse().getCookie("CUPBOARD_LANG");

        Document page = page(mvc.perform(get("/login").cookie(language)).andReturn());

        assertThat(language).isNotNull();
        assertThat(language.getMaxAge()).isGreaterThan(0);
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("ltr");
    }

    @Test
    void navigationShowsOnlyTheRolesPages() throws Exception {
        User agent = fixtures.agent(fixtures.team());
        fixtures.openDay(agent);

        Document page = page(mvc.perform(get("/cup").with(user(userDetails.loadUserByUsername(agent.getUsername())))).andReturn());

        assertThat(page.select("#mainNavigation a.nav-link").eachAttr("href")).contains("/cup")
                .doesNotContain("/team", "/center", "/admin");
        assertThat(page.selectFirst("#current-user").text()).contains(agent.getDisplayName());
        assertThat(page.selectFirst("#switch-language").attr("href")).isEqualTo("/cup?lang=en");
    }

    @Test
    void managerNavigationHasNoAlerts() throws Exception {
        User manager = fixtures.user(Role.MANAGER, null);

        Document page = page(mvc.perform(get("/center").with(user(userDetails.loadUserByUsername(manager.getUsername())))).andReturn());

        assertThat(page.select("#mainNavigation ul.me-auto a.nav-link").eachAttr("href")).containsExactly("/team", "/center", "/intake");
        assertThat(page.select("#alerts-nav")).isEmpty();
        assertThat(page.selectFirst("#current-user").text()).contains(manager.getDisplayName());
    }

    @Test
    void errorPageKeepsTheUsersNavigation() throws Exception {
        User admin = fixtures.user(Role.ADMIN, null);

        // The container forwards a 403 to /error with these attributes; MockMvc does not forward.
        Document page = page(mvc.perform(get("/error").with(user(userDetails.loadUserByUsername(admin.getUsername())))
                        .accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403).requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/cup"))
                .andExpect(status().isForbidden()).andReturn());

        assertThat(page.select("#mainNavigation ul.me-auto a.nav-link").eachAttr("href")).containsExactly("/intake", "/admin");
        assertThat(page.selectFirst("#current-user").text()).contains(admin.getDisplayName());
    }

    @Test
    void loginPageHasNoNavigationLinks() throws Exception {
        Document page = page(mvc.perform(get("/login")).andReturn());

        assertThat(page.select("#mainNavigation a.nav-link")).extracting(element -> element.id()).containsExactly("switch-language");
        assertThat(page.select("#current-user, #alerts-nav")).isEmpty();
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}
