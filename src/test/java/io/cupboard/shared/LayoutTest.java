package io.cupboard.shared;

import io.cupboard.identity.User;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}
