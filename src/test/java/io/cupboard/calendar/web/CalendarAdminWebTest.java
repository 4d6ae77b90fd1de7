package io.cupboard.calendar.web;

import java.time.LocalDate;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.calendar.BusinessDay;
import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin's calendar page. Overrides use dates in 2035, which no other test looks at, and are
 * removed after each test. The weekly hours are saved only unchanged, because every test shares them.
 */
@IntegrationTest
class CalendarAdminWebTest {

    private static final LocalDate OVERRIDE_DATE = LocalDate.of(2035, 3, 6);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    private CurrentUser admin;

    @BeforeEach
    void signIn() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        admin = fixtures.signedIn(fixtures.user(Role.ADMIN, null));
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from calendar_override where day >= '2035-01-01'").update();
        clock.reset();
    }

    @Test
    void pageShowsWeekHolidaysAndComingDays() throws Exception {
        Document page = page("/admin/calendar");

        assertThat(page.selectFirst("h1").text()).isEqualTo("לוח שנה ושעות פעילות");
        assertThat(page.select("#weekly-hours tbody tr")).hasSize(8);
        assertThat(page.selectFirst("#weekly-hours tr[data-day=FRIDAY] input[name='days[5].closes']").val()).isEqualTo("13:00");
        assertThat(page.selectFirst("#weekly-hours tr[data-day=SATURDAY] input[name='days[6].opens']").val()).isEmpty();
        assertThat(page.select("#coming-days tr")).hasSize(CalendarAdminController.DAYS_SHOWN);
        // Seen from 8 December 2026, the coming year contains Pesach on 22 April 2027.
        assertThat(page.selectFirst("#holidays tr[data-date=2027-04-22]").text()).contains("22/04/2027", "חג: פסח", "סגור");
        assertThat(page.selectFirst("#holidays tr[data-date=2027-04-21]").text()).contains("ערב חג: פסח", "09:00–13:00");
    }

    @Test
    void closedOverrideClosesTheDate() throws Exception {
        mvc.perform(as(post("/admin/calendar/overrides").param("date", OVERRIDE_DATE.toString()).param("kind", "CLOSED")
                        .param("note", "יום גיבוש")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/calendar"));

        BusinessDay day = calendar.day(OVERRIDE_DATE);
        assertThat(day.kind()).isEqualTo(BusinessDay.Kind.OVERRIDE_CLOSED);
        assertThat(day.isOpen()).isFalse();

        long id = jdbc.sql("select id from calendar_override where day = ?").param(OVERRIDE_DATE).query(Long.class).single();
        mvc.perform(as(post("/admin/calendar/overrides/" + id + "/delete"))).andExpect(status().is3xxRedirection());

        assertThat(calendar.day(OVERRIDE_DATE).kind()).isEqualTo(BusinessDay.Kind.REGULAR);
    }

    @Test
    void specialHoursOpenASaturday() throws Exception {
        LocalDate saturday = LocalDate.of(2035, 3, 10);

        mvc.perform(as(post("/admin/calendar/overrides").param("date", saturday.toString()).param("kind", "SPECIAL_HOURS")
                        .param("opens", "10:00").param("closes", "12:30")))
                .andExpect(status().is3xxRedirection());

        assertThat(calendar.day(saturday).kind()).isEqualTo(BusinessDay.Kind.OVERRIDE_HOURS);
        assertThat(calendar.hoursOn(saturday).orElseThrow().length().toMinutes()).isEqualTo(150);
    }

    @Test
    void overrideClosingBeforeOpeningIsRejected() throws Exception {
        Document page = Jsoup.parse(mvc.perform(as(post("/admin/calendar/overrides").param("date", OVERRIDE_DATE.toString())
                        .param("kind", "SPECIAL_HOURS").param("opens", "12:00").param("closes", "09:00")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#closes-error").text()).isEqualTo("שעת הסגירה חייבת להיות אחרי שעת הפתיחה.");
        assertThat(count("select count(*) from calendar_override where day = '2035-03-06'")).isZero();
    }

    @Test
    void pastOverrideIsRejected() throws Exception {
        Document page = Jsoup.parse(mvc.perform(as(post("/admin/calendar/overrides").param("date", "2026-12-07").param("kind", "CLOSED")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#date-error").text()).startsWith("התאריך כבר עבר.");
    }

    @Test
    void dayWithOneTimeIsRejected() throws Exception {
        int version = version();

        Document page = Jsoup.parse(mvc.perform(weeklyHours(version, ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#weekly-hours tr[data-day=FRIDAY] .invalid-feedback").text())
                .isEqualTo("יש למלא גם שעת פתיחה וגם שעת סגירה.");
        assertThat(version()).isEqualTo(version);
        assertThat(calendar.hoursOn(LocalDate.of(2026, 12, 11))).isPresent();
    }

    @Test
    void unchangedWeekSavesWithNewVersion() throws Exception {
        int version = version();

        mvc.perform(weeklyHours(version, "13:00")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/calendar"));

        assertThat(version()).isEqualTo(version + 1);
        assertThat(calendar.hoursOn(LocalDate.of(2026, 12, 11)).orElseThrow().closes()).hasToString("13:00");
    }

    @Test
    void staleWeekIsRejected() throws Exception {
        Document page = Jsoup.parse(mvc.perform(weeklyHours(version() - 1, "13:00")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#weekly-hours .alert-danger").text()).contains("מישהו אחר שינה את שעות הפעילות");
    }

    @Test
    void agentMayNotOpenCalendar() throws Exception {
        CurrentUser agent = fixtures.signedIn(fixtures.agent(fixtures.team()));

        mvc.perform(get("/admin/calendar").with(user(agent))).andExpect(status().isForbidden());
    }

    /** Builds the post of the stored week, Sunday first, with the given Friday closing time. */
    private MockHttpServletRequestBuilder weeklyHours(int version, String fridayCloses) {
        MockHttpServletRequestBuilder request = as(post("/admin/calendar/hours")).param("version", String.valueOf(version))
                .param("eveOpens", "09:00").param("eveCloses", "13:00");
        String[] days = {"SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"};
        for (int i = 0; i < days.length; i++) {
            request.param("days[" + i + "].day", days[i]);
            boolean saturday = i == 6;
            boolean friday = i == 5;
            String closes = friday ? fridayCloses : "19:00";
            request.param("days[" + i + "].opens", saturday ? "" : "09:00");
            request.param("days[" + i + "].closes", saturday ? "" : closes);
        }
        return request;
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.with(user(admin)).with(csrf());
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private int version() {
        return jdbc.sql("select version from calendar_setting").query(Integer.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
