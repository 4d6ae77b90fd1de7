package io.cupboard.intake.web;

import java.nio.charset.StandardCharsets;

import io.cupboard.identity.Role;
import io.cupboard.identity.User;
import io.cupboard.intake.IntakeSource;
import io.cupboard.intake.IntakeSources;
import io.cupboard.lead.DoNotCallRegistry;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
class IntakeAdminWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    IntakeSources sources;

    @Autowired
    DoNotCallRegistry registry;

    @Autowired
    JdbcClient jdbc;

    private User admin;

    @BeforeEach
    void createAdmin() {
        admin = fixtures.user(Role.ADMIN, null);
    }

    @Test
    void adminHomeLinksIntakePages() throws Exception {
        Document home = page("/admin");

        assertThat(home.select("#admin-intake a").eachAttr("href"))
                .containsExactly("/admin/intake/sources", "/admin/intake/registry", "/intake", "/swagger-ui/index.html");
        assertThat(home.select("a[href='/admin/statuses']")).hasSize(1);
    }

    @Test
    void adminCreatesSourceAndSeesKeyOnce() throws Exception {
        String code = Fixtures.unique("fb");

        MockHttpServletResponse created = mvc.perform(post("/admin/intake/sources").with(signedIn(admin)).with(csrf())
                        .param("code", code).param("name", "פייסבוק").param("direction", "INBOUND"))
                .andReturn().getResponse();
        IntakeSource source = sources.findByCode(code).orElseThrow();
        Document withKey = Jsoup.parse(mvc.perform(post("/admin/intake/sources/" + source.id() + "/keys").with(signedIn(admin)).with(csrf()))
                .andReturn().getResponse().getContentAsString());
        Document reloaded = page("/admin/intake/sources/" + source.id());

        assertThat(created.getRedirectedUrl()).isEqualTo("/admin/intake/sources/" + source.id());
        String key = withKey.selectFirst("#new-key-value").text();
        assertThat(key).matches("cbk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}");
        assertThat(reloaded.selectFirst("#new-key")).isNull();
        assertThat(reloaded.select("#keys code").text()).isEqualTo(key.substring(0, 16) + "_…");
        assertThat(reloaded.html()).doesNotContain(key.substring(18));
    }

    @Test
    void duplicateSourceCodeIsRejected() throws Exception {
        IntakeSource existing = sources.create(Fixtures.unique("dup"), "קיים", IntakeSource.Direction.INBOUND, null);

        Document page = Jsoup.parse(mvc.perform(post("/admin/intake/sources").with(signedIn(admin)).with(csrf())
                        .param("code", existing.code()).param("name", "שוב").param("direction", "OUTBOUND"))
                .andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#code-error").text()).isEqualTo("הקוד " + existing.code() + " כבר קיים.");
    }

    @Test
    void adminRevokesKey() throws Exception {
        IntakeSource source = sources.create(Fixtures.unique("rev"), "לביטול", IntakeSource.Direction.INBOUND, null);
        mvc.perform(post("/admin/intake/sources/" + source.id() + "/keys").with(signedIn(admin)).with(csrf()));
        long keyId = jdbc.sql("select id from intake_api_key where source_id = ?").param(source.id()).query(Long.class).single();

        mvc.perform(post("/admin/intake/sources/" + source.id() + "/keys/" + keyId + "/revoke").with(signedIn(admin)).with(csrf()));

        assertThat(jdbc.sql("select revoked_at is not null from intake_api_key where id = ?").param(keyId).query(Boolean.class).single())
                .isTrue();
        assertThat(page("/admin/intake/sources/" + source.id()).select("#keys form")).isEmpty();
    }

    @Test
    void teamLeadCannotOpenAdminIntakePages() throws Exception {
        User teamLead = fixtures.user(Role.TEAM_LEAD, fixtures.team());

        assertThat(mvc.perform(get("/admin/intake/sources").with(signedIn(teamLead))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/admin/intake/registry").with(signedIn(teamLead))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void futureRegistryDateIsRejected() throws Exception {
        MockHttpServletResponse response = mvc.perform(multipart("/admin/intake/registry")
                        .file(new MockMultipartFile("file", "registry.csv", "text/csv", "0502345678\n".getBytes(StandardCharsets.UTF_8)))
                        .param("extractedOn", "2999-01-01").with(signedIn(admin)).with(csrf()))
                .andReturn().getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/admin/intake/registry");
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(registry.history(100)).noneMatch(extract -> extract.extractedOn().getYear() == 2999);
    }

    @Test
    void registryPageShowsRuleAndForm() throws Exception {
        Document page = page("/admin/intake/registry");

        assertThat(page.selectFirst("#registry-page p.text-secondary").text()).contains("15 הימים האחרונים");
        assertThat(page.selectFirst("#extractedOn").attr("type")).isEqualTo("date");
    }

    private Document page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(signedIn(admin))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private RequestPostProcessor signedIn(User user) {
        return user(fixtures.signedIn(user));
    }
}
