package io.cupboard.cup.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

import io.cupboard.cup.Cup;
import io.cupboard.cup.CupItem;
import io.cupboard.cup.CupSection;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.TaskType;
import io.cupboard.shared.DisplayFormat;
import io.cupboard.shared.TimeProperties;
import io.cupboard.workday.DaySegment;
import io.cupboard.workday.SegmentFocus;
import io.cupboard.workday.Shift;
import io.cupboard.workday.WorkDayStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class CupSectionsMarkupTest {

    private static final String HOSTILE = "<script>x</script> \"a\" & b";
    /** Sunday 6 December 2026, 10:00 in Israel. */
    private static final Instant TEN = Instant.parse("2026-12-06T08:00:00Z");

    private final StaticMessageSource messages = new StaticMessageSource();
    private final CupSectionsMarkup markup = new CupSectionsMarkup(messages,
            new DisplayFormat(new TimeProperties(ZoneId.of("Asia/Jerusalem"))), Locale.ENGLISH);

    CupSectionsMarkupTest() {
        for (String key : List.of("cup.empty", "cup.segment.label", "cup.segment.none", "cup.shift.none",
                "segment.focus.NEW_LEADS", "cup.column.lead", "cup.column.phone", "cup.column.type", "cup.column.status",
                "cup.column.attempts", "cup.column.due", "cup.column.why")) {
            messages.addMessage(key, Locale.ENGLISH, key + " " + HOSTILE);
        }
        for (CupSection section : CupSection.values()) {
            messages.addMessage(section.messageKey(), Locale.ENGLISH, "section " + section);
        }
        messages.addMessage("cup.dayOpened", Locale.ENGLISH, "opened at {0}");
        messages.addMessage("cup.work.left", Locale.ENGLISH, "{0} tasks, {1}");
        messages.addMessage("cup.shift.left", Locale.ENGLISH, "shift {0}");
        messages.addMessage("cup.later", Locale.ENGLISH, "later {0}");
        messages.addMessage("cup.section.shown", Locale.ENGLISH, "{0} of {1} <shown>");
        messages.addMessage("cup.showMore", Locale.ENGLISH, "{0} more");
        for (Cup.Pace pace : Cup.Pace.values()) {
            messages.addMessage("cup.pace." + pace, Locale.ENGLISH, pace + " {0} / {1}");
        }
    }

    @Test
    void emptyCupShowsEscapedTexts() {
        Document html = parse(markup.write(cup(List.of(), Optional.empty(), Optional.empty(), Duration.ZERO),
                page(Map.of(), 0, null), "/cup"));

        assertThat(html.select("script, table, button")).isEmpty();
        assertThat(html.selectFirst("#cup-empty").text()).isEqualTo("cup.empty " + HOSTILE);
        assertThat(html.selectFirst("#current-segment").text()).isEqualTo("cup.segment.none " + HOSTILE);
        assertThat(html.selectFirst("#shift-left").text()).isEqualTo("cup.shift.none " + HOSTILE);
        assertThat(html.select("#day-opened")).isEmpty();
        assertThat(html.select(".cup-section").eachAttr("id"))
                .containsExactly("section-CALLBACKS_NOW", "section-NEW_IN_SLA", "section-OVERDUE", "section-DUE_TODAY");
        assertThat(html.select(".section-count").eachText()).containsOnly("0");
        assertThat(html.selectFirst("#later-count").text()).isEqualTo("later 3");
    }

    @Test
    void cutSectionOffersShowMore() {
        List<CupItem> overdue = List.of(item(1), item(2), item(3));
        Cup cup = cup(overdue, Optional.of(new DaySegment(LocalTime.of(9, 0), LocalTime.of(11, 0), SegmentFocus.NEW_LEADS)),
                Optional.of(new Shift(TEN, TEN.plus(Duration.ofMinutes(10)))), Duration.ofMinutes(10));
        CupRows.Page page = page(Map.of(CupSection.OVERDUE, 2), 2, CupSection.OVERDUE);

        Document html = parse(markup.write(cup, page, "/center/team/agents/5/cup"));

        assertThat(html.selectFirst("#day-opened").text()).isEqualTo("opened at 09:30");
        assertThat(html.selectFirst("#current-segment .ltr-value").text()).isEqualTo("09:00–11:00");
        assertThat(html.selectFirst("#work-left").text()).isEqualTo("3 tasks, 0:18");
        assertThat(html.selectFirst("#pace").className()).endsWith("alert-danger");
        assertThat(html.selectFirst("#pace").attr("data-pace")).isEqualTo("OVER");
        var section = html.selectFirst("#section-OVERDUE");
        assertThat(section.attr("data-count")).isEqualTo("3");
        assertThat(section.select("thead th")).hasSize(7);
        assertThat(section.select("tbody tr").eachAttr("data-task-id")).containsExactly("10", "20");
        assertThat(section.selectFirst(".section-shown").text()).isEqualTo("2 of 3 <shown>");
        assertThat(section.selectFirst(".cup-show-more").attr("hx-get")).isEqualTo("/center/team/agents/5/cup?rows=52&from=2");
        assertThat(section.selectFirst(".cup-show-more").text()).isEqualTo("1 more");
    }

    private static Document parse(String block) {
        return Jsoup.parseBodyFragment("<div id=\"cup-sections\">" + block + "</div>");
    }

    private static Cup cup(List<CupItem> overdue, Optional<DaySegment> segment, Optional<Shift> shift, Duration shiftLeft) {
        Map<CupSection, List<CupItem>> sections = Cup.group(overdue);
        Optional<WorkDayStatus> day = overdue.isEmpty() ? Optional.empty()
                : Optional.of(new WorkDayStatus(5, LocalDate.of(2026, 12, 6), TEN.minus(Duration.ofMinutes(30)), null, false, false, 0));
        return new Cup(5, sections, 3, segment, segment.stream().toList(), shift, Duration.ofMinutes(6L * overdue.size()),
                shiftLeft, day);
    }

    private static CupItem item(long id) {
        return new CupItem(id * 10, TaskType.FOLLOW_UP, TEN.minus(Duration.ofHours(1)), null, id, "Lead " + id, null, null,
                LeadType.NEW, "web", 1, 1, CupSection.OVERDUE, 10, false, true);
    }

    /** Returns a page showing the given number of rows of each section, with 50 rows a page. */
    private static CupRows.Page page(Map<CupSection, Integer> shownRows, int shown, CupSection cutSection) {
        Map<CupSection, List<CupRows.Row>> rows = new EnumMap<>(CupSection.class);
        Map<CupSection, String> rowMarkup = new EnumMap<>(CupSection.class);
        CupRowMarkup writer = new CupRowMarkup("lifted", "not yet");
        for (CupSection section : CupSection.values()) {
            List<CupRows.Row> sectionRows = LongStream.rangeClosed(1, shownRows.getOrDefault(section, 0))
                    .mapToObj(id -> new CupRows.Row(id, id * 10, "/leads/" + id, "Lead " + id, null, null, "New", "Open",
                            "1 of 5", "09:00", null, "overdue", false, true, false))
                    .toList();
            rows.put(section, sectionRows);
            rowMarkup.put(section, writer.write(sectionRows));
        }
        return new CupRows.Page(rows, rowMarkup, 2, shown, 3, cutSection, false, shown + 50, 1);
    }
}
