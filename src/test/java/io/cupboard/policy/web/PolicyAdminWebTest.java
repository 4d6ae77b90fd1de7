package io.cupboard.policy.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import io.cupboard.lead.StatusCatalog;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PolicyAdminWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatusCatalog catalog;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private CurrentUser admin;
    private String source;

    @BeforeEach
    void signIn() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        admin = fixtures.signedIn(fixtures.user(Role.ADMIN, null));
        source = Fixtures.unique("web-source");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void adminHomeLinksToPoliciesAndCalendar() throws Exception {
        Document page = page("/admin");

        assertThat(page.select("#admin-sla a").eachAttr("href")).containsExactly("/admin/policies", "/admin/calendar");
        assertThat(page.select("#admin-page a").eachAttr("href")).contains("/admin/statuses");
    }

    @Test
    void listShowsBasePoliciesInHebrew() throws Exception {
        Document page = page("/admin/policies");

        assertThat(page.selectFirst("h1").text()).isEqualTo("מדיניות יצירת קשר");
        String row = page.select("#policies tr[data-type=NEW]").first().text();
        assertThat(row).contains("חדש", "כל המקורות", "5 דק׳", "עד 5 ניסיונות", "אחרי 30 דקות עבודה",
                "ביום העבודה הבא, 90 דקות מהשעה של הניסיון הראשון", "אחרי 2 ימי עבודה", "לא נוצר קשר אחרי כל הניסיונות");
    }

    @Test
    void formCreatesSourcePolicy() throws Exception {
        mvc.perform(policy(post("/admin/policies"))).andExpect(status().is3xxRedirection());

        var row = jdbc.sql("select id, first_contact_minutes, max_attempts from contact_policy where source = ?")
                .param(source).query().singleRow();
        assertThat(row.get("first_contact_minutes")).isEqualTo(7);
        assertThat(row.get("max_attempts")).isEqualTo(3);
        assertThat(jdbc.sql("select kind || ':' || amount from contact_policy_retry_step where policy_id = ? order by position")
                .param(row.get("id")).query(String.class).list())
                .containsExactly("BUSINESS_MINUTES:0", "NEXT_DAY_OTHER_HOUR:120");
        assertThat(jdbc.sql("select delay_minutes from contact_policy_follow_up where policy_id = ? order by position")
                .param(row.get("id")).query(Integer.class).list()).containsExactly(1440, 2880);

        Document edit = page("/admin/policies/" + row.get("id"));
        assertThat(edit.selectFirst("input[name=source]").val()).isEqualTo(source);
        assertThat(edit.selectFirst("select[name='retrySchedule[1].kind'] option[selected]").val()).isEqualTo("NEXT_DAY_OTHER_HOUR");
        assertThat(edit.selectFirst("input[name='followUps[0].delayMinutes']").val()).isEqualTo("1440, 2880");
    }

    @Test
    void invalidFormShowsFieldErrors() throws Exception {
        Document page = Jsoup.parse(mvc.perform(policy(post("/admin/policies"), "retrySchedule[1].amount", "-5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#policy-form .alert-danger").text()).startsWith("הטופס לא נשמר.");
        assertThat(page.select("#retry-steps tbody tr").get(1).selectFirst(".invalid-feedback").text())
                .isEqualTo("מרווח בין שיחות לא יכול להיות שלילי.");
        assertThat(jdbc.sql("select count(*) from contact_policy where source = ?").param(source).query(Long.class).single()).isZero();
    }

    @Test
    void unparsableDelaysAreRejected() throws Exception {
        MockHttpServletRequestBuilder request = policy(post("/admin/policies"), "followUps[0].delayMinutes", "1440, יום");

        Document page = Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#followUps0\\.delayMinutes + .invalid-feedback, input[name='followUps[0].delayMinutes'] ~ .invalid-feedback")
                .text()).contains("\"יום\"");
    }

    @Test
    void htmxPreviewShowsRetryTimes() throws Exception {
        String body = mvc.perform(policy(post("/admin/policies/preview")).header("HX-Request", "true")
                        .param("sampleArrival", "2026-12-10T18:50"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Document fragment = Jsoup.parseBodyFragment(body);
        assertThat(fragment.selectFirst("#policy-editor")).isNotNull();
        assertThat(fragment.selectFirst("#preview-deadline").text()).isEqualTo("10/12/2026 18:57");
        assertThat(fragment.select("#preview-attempts .preview-time").eachText())
                .containsExactly("10/12/2026 18:50", "10/12/2026 18:50", "11/12/2026 09:00");
        assertThat(fragment.selectFirst(".policy-end").text()).startsWith("אחרי 3 ניסיונות: הליד עובר למאגר של הצוות של הליד");
        // 1440 business minutes after Thursday 18:50, then 2880 more.
        assertThat(fragment.select(".preview-follow-ups li").eachText()).containsExactly("14/12/2026 18:50", "21/12/2026 12:50");
    }

    @Test
    void invalidPreviewAnswersUnprocessable() throws Exception {
        String body = mvc.perform(policy(post("/admin/policies/preview"), "maxAttempts", "0").header("HX-Request", "true"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parseBodyFragment(body).selectFirst("#maxAttempts-error").text()).isEqualTo("מדיניות צריכה לפחות ניסיון התקשרות אחד.");
    }

    @Test
    void basePolicyDeleteShowsError() throws Exception {
        long id = jdbc.sql("select id from contact_policy where lead_type = 'NEW' and source is null").query(Long.class).single();

        mvc.perform(post("/admin/policies/" + id + "/delete").param("version", "0").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("select count(*) from contact_policy where id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void teamLeadMayNotOpenPolicies() throws Exception {
        CurrentUser teamLead = fixtures.signedIn(fixtures.user(Role.TEAM_LEAD, fixtures.team()));

        mvc.perform(get("/admin/policies").with(user(teamLead))).andExpect(status().isForbidden());
    }

    /**
     * Fills the form for this test's source: first contact in 7 minutes, 3 attempts, retries at
     * once and the next day two hours off, and two follow-ups of the first follow-up status.
     */
    private MockHttpServletRequestBuilder policy(MockHttpServletRequestBuilder request) {
        return policy(request, "version", "0");
    }

    /** Fills the form as {@link #policy(MockHttpServletRequestBuilder)} does, with one field changed. */
    private MockHttpServletRequestBuilder policy(MockHttpServletRequestBuilder request, String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("leadType", "NEW");
        fields.put("source", source);
        fields.put("firstContactMinutes", "7");
        fields.put("retrySchedule[0].kind", "BUSINESS_MINUTES");
        fields.put("retrySchedule[0].amount", "0");
        fields.put("retrySchedule[1].kind", "NEXT_DAY_OTHER_HOUR");
        fields.put("retrySchedule[1].amount", "120");
        fields.put("retrySchedule[2].kind", "");
        fields.put("retrySchedule[2].amount", "");
        fields.put("maxAttempts", "3");
        fields.put("attemptsEnd", "SECOND_WAVE");
        fields.put("maxWaves", "2");
        fields.put("secondWaveTeamId", "");
        fields.put("unreachableReasonId", String.valueOf(catalog.reasonsByCode().get("NO_CONTACT").getId()));
        fields.put("followUps[0].statusId", String.valueOf(catalog.followUpStatuses().get(0).getId()));
        fields.put("followUps[0].delayMinutes", "1440, 2880");
        fields.put("version", "0");
        fields.put(field, value);
        request.with(user(admin)).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
