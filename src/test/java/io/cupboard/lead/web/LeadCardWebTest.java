package io.cupboard.lead.web;

import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.lead.Lead;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class LeadCardWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private Team team;
    private User agent;
    private Lead lead;

    @BeforeEach
    void createLead() {
        clock.setInstant(io.cupboard.support.TestTimes.TUESDAY_MORNING);
        team = fixtures.team();
        agent = fixtures.agent(team);
        lead = fixtures.lead(agent);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void cardShowsHebrewLabels() throws Exception {
        Document card = page(get("/leads/" + lead.getId()), agent);

        assertThat(card.selectFirst("#lead-name").text()).isEqualTo(lead.getFullName());
        assertThat(card.selectFirst("#lead-type").text()).isEqualTo("חדש");
        assertThat(card.selectFirst("#lead-status").text()).isEqualTo("חדש");
        assertThat(card.selectFirst("#lead-phone").text()).isEqualTo(lead.getPhoneDisplay());
        assertThat(card.selectFirst("#dial").attr("href")).isEqualTo("tel:%2B" + lead.getPhoneE164().substring(1));
        assertThat(card.selectFirst("#outcomes h2").text()).isEqualTo("תוצאת השיחה");
        assertThat(card.select("[data-shortcut]").eachAttr("data-shortcut")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(card.selectFirst("[data-outcome=NO_ANSWER]").text()).isEqualTo("1 אין מענה");
        assertThat(card.selectFirst("#task-type").text()).isEqualTo("יצירת קשר ראשונה");
        assertThat(card.selectFirst("#lead-attempts").text()).isEqualTo("ניסיון 0 מתוך 5");
        assertThat(card.select(".timeline-entry").eachAttr("data-kind")).containsExactly("ASSIGNED", "CREATED");
        assertThat(card.select("#panel-NOT_RELEVANT .reason-choice").eachText()).contains("מחיר", "לא מעוניין");
    }

    @Test
    void cardNamesRegisteredSource() throws Exception {
        String code = Fixtures.unique("src").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        jdbc.sql("insert into intake_source (code, name, direction, created_at) values (?, 'פייסבוק', 'INBOUND', now())")
                .param(code).update();
        jdbc.sql("update lead set source = ? where id = ?").params(code, lead.getId()).update();

        assertThat(page(get("/leads/" + lead.getId()), agent).selectFirst("#lead-source").text()).isEqualTo("פייסבוק");

        jdbc.sql("update lead set source = 'unregistered' where id = ?").param(lead.getId()).update();
        assertThat(page(get("/leads/" + lead.getId()), agent).selectFirst("#lead-source").text()).isEqualTo("unregistered");
    }

    @Test
    void cardShowsEnglishLabels() throws Exception {
        Document card = page(get("/leads/" + lead.getId()).param("lang", "en"), agent);

        assertThat(card.selectFirst("#outcomes h2").text()).isEqualTo("Call outcome");
        assertThat(card.selectFirst("[data-outcome=NO_ANSWER]").text()).isEqualTo("1 No answer");
        assertThat(card.selectFirst("#lead-status").text()).isEqualTo("New");
    }

    @Test
    void htmxOutcomeReturnsUpdatedCard() throws Exception {
        String body = mvc.perform(outcome("NO_ANSWER").header("HX-Request", "true").with(signedIn(agent)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        Document fragment = Jsoup.parse(body);
        assertThat(fragment.select("html head title")).isEmpty();
        assertThat(fragment.selectFirst("#lead-card")).isNotNull();
        assertThat(fragment.selectFirst(".alert-success").text()).startsWith("נרשם: אין מענה. המשימה הבאה: ניסיון חוזר, 08/12/2026 10:30");
        assertThat(fragment.selectFirst("#lead-status").text()).isEqualTo("ניסיון התקשרות");
        assertThat(fragment.selectFirst(".timeline-entry").text()).contains("אין מענה", "חדש ← ניסיון התקשרות");
    }

    @Test
    void plainFormPostRedirectsToCard() throws Exception {
        mvc.perform(outcome("NO_ANSWER").with(signedIn(agent)))
                .andExpect(redirectedUrl("/leads/" + lead.getId()));
    }

    @Test
    void missingReasonAnswersHebrewError() throws Exception {
        String body = mvc.perform(outcome("NOT_RELEVANT").header("HX-Request", "true").with(signedIn(agent)))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(body).selectFirst(".alert-danger").text()).isEqualTo("יש לבחור סיבת פסילה.");
    }

    @Test
    void callbackOutsideHoursProposesNextSlot() throws Exception {
        String body = mvc.perform(outcome("CALLBACK").param("callbackAt", "2026-12-12T11:00")
                        .header("HX-Request", "true").with(signedIn(agent)))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(body).selectFirst(".alert-danger").text())
                .isEqualTo("המועד שנבחר מחוץ לשעות הפעילות של המוקד. המועד הפנוי הקרוב: 13/12/2026 09:00.");
    }

    @Test
    void staleVersionAnswersConflictWithReloadedCard() throws Exception {
        int seen = version();
        mvc.perform(outcome("NO_ANSWER").header("HX-Request", "true").with(signedIn(agent))).andExpect(status().isOk());

        String body = mvc.perform(outcome("SALE", seen).header("HX-Request", "true")
                        .with(signedIn(agent)))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();

        Document fragment = Jsoup.parse(body);
        assertThat(fragment.selectFirst(".alert-danger").text()).startsWith("הליד עודכן על ידי מישהו אחר");
        assertThat(fragment.selectFirst("#lead-status").text()).isEqualTo("ניסיון התקשרות");
        assertThat(fragment.selectFirst("input[name=version]").val()).isEqualTo(String.valueOf(version()));
        assertThat(stillOpen()).isTrue();
    }

    @Test
    void nextModeRedirectsToNextLead() throws Exception {
        mvc.perform(outcome("NO_ANSWER").param("next", "true").header("HX-Request", "true").with(signedIn(agent)))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/cup/next"))
                .andExpect(header().stringValues("Vary", hasItem("HX-Request")))
                .andExpect(content().string(""));
    }

    @Test
    void nextModeWithoutHtmxRedirectsToNextLead() throws Exception {
        mvc.perform(outcome("NO_ANSWER").param("next", "true").with(signedIn(agent)))
                .andExpect(redirectedUrl("/cup/next"))
                .andExpect(header().doesNotExist("HX-Redirect"));
    }

    @Test
    void noteIsEscapedAndKeepsLineBreaks() throws Exception {
        mvc.perform(post("/leads/" + lead.getId() + "/note").param("note", "<script>alert(1)</script>\nשורה 2 🙂")
                .with(csrf()).with(signedIn(agent))).andExpect(redirectedUrl("/leads/" + lead.getId()));

        String html = mvc.perform(get("/leads/" + lead.getId()).with(signedIn(agent))).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;\nשורה 2 🙂").doesNotContain("<script>alert(1)");
    }

    @Test
    void deletedFollowUpStatusAnswersHebrewError() throws Exception {
        int seen = version();

        String body = mvc.perform(outcome("FOLLOW_UP").param("statusId", "999999999").header("HX-Request", "true")
                        .with(signedIn(agent)))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(body).selectFirst(".alert-danger").text()).isEqualTo("הסטטוס שנבחר אינו סטטוס פולו-אפ פעיל.");
        assertThat(version()).isEqualTo(seen);
        assertThat(jdbc.sql("select count(*) from activity where lead_id = ? and kind = 'CALL'").param(lead.getId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void nullCharacterIsRemovedFromNote() throws Exception {
        mvc.perform(post("/leads/" + lead.getId() + "/note").param("note", "לפני\u0000אחרי")
                .with(csrf()).with(signedIn(agent))).andExpect(redirectedUrl("/leads/" + lead.getId()));

        assertThat(jdbc.sql("select note from activity where lead_id = ? and kind = 'NOTE'").param(lead.getId())
                .query(String.class).single()).isEqualTo("לפניאחרי");
    }

    @Test
    void nullCharacterIsRemovedFromOutcomeNote() throws Exception {
        mvc.perform(outcome("NO_ANSWER").param("note", "a\u0000b").header("HX-Request", "true").with(signedIn(agent)))
                .andExpect(status().isOk());

        assertThat(jdbc.sql("select note from activity where lead_id = ? and kind = 'CALL'").param(lead.getId())
                .query(String.class).single()).isEqualTo("ab");
    }

    @Test
    void agentGetsNotFoundForAnotherAgentsLead() throws Exception {
        User other = fixtures.agent(team);

        mvc.perform(get("/leads/" + lead.getId()).with(signedIn(other))).andExpect(status().isNotFound());
        mvc.perform(outcome("SALE").with(signedIn(other))).andExpect(status().isNotFound());
        assertThat(stillOpen()).isTrue();
    }

    @Test
    void teamLeadSeesOnlyOwnTeam() throws Exception {
        User ownLead = fixtures.user(Role.TEAM_LEAD, team);
        User otherLead = fixtures.user(Role.TEAM_LEAD, fixtures.team());

        mvc.perform(get("/leads/" + lead.getId()).with(signedIn(ownLead))).andExpect(status().isOk());
        mvc.perform(get("/leads/" + lead.getId()).with(signedIn(otherLead))).andExpect(status().isNotFound());
    }

    @Test
    void managerAndAdminSeeEveryLead() throws Exception {
        mvc.perform(get("/leads/" + lead.getId()).with(signedIn(fixtures.user(Role.MANAGER, null)))).andExpect(status().isOk());
        mvc.perform(get("/leads/" + lead.getId()).with(signedIn(fixtures.user(Role.ADMIN, null)))).andExpect(status().isOk());
    }

    @Test
    void unknownLeadIsNotFound() throws Exception {
        mvc.perform(get("/leads/999999999").with(signedIn(agent))).andExpect(status().isNotFound());
    }

    private MockHttpServletRequestBuilder outcome(String outcome) {
        return outcome(outcome, version());
    }

    private MockHttpServletRequestBuilder outcome(String outcome, int version) {
        return post("/leads/" + lead.getId() + "/outcome").param("outcome", outcome).param("version", String.valueOf(version))
                .with(csrf());
    }

    private boolean stillOpen() {
        return jdbc.sql("select count(*) from lead where id = ? and closed_at is null").param(lead.getId()).query(Long.class).single() == 1;
    }

    private int version() {
        return jdbc.sql("select version from lead where id = ?").param(lead.getId()).query(Integer.class).single();
    }

    private Document page(MockHttpServletRequestBuilder request, User user) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(signedIn(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(User user) {
        return user(fixtures.signedIn(user));
    }
}
