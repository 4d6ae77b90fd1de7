package io.cupboard.cup.web;

import java.util.List;

import io.cupboard.cup.web.CupRows.Row;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CupRowMarkupTest {

    private static final String HOSTILE = "<script>alert('x')</script> \"Cohen\" & Sons";

    private final CupRowMarkup markup = new CupRowMarkup("moved <up>", "not \"yet\"");

    @Test
    void everyTextIsEscaped() {
        Row task = new Row(7, 70, "/leads/7?a=1&b=2", HOSTILE, "+972501234567", "050-<123>", "New & hot", "<b>Open</b>",
                "1 of '5'", "10:00", null, "due \"now\"", false, true, false);

        Element html = single(markup.write(List.of(task)));

        assertThat(html.select("script, b")).isEmpty();
        assertThat(html.selectFirst("a.fw-semibold").text()).isEqualTo(HOSTILE);
        assertThat(html.selectFirst("a.fw-semibold").attr("href")).isEqualTo("/leads/7?a=1&b=2");
        assertThat(html.select("td").eachText()).containsExactly(HOSTILE, "050-<123>", "New & hot", "<b>Open</b>",
                "1 of '5'", "10:00", "due \"now\"");
    }

    @Test
    void rowCarriesIdsPhoneCountdownAndBadges() {
        Row task = new Row(7, 70, "/leads/7", "Dana", "+972501234567", "050-123-4567", "New", "Open", "1 of 5", "10:00",
                1_800_000L, "SLA at 10:00", true, false, true);

        Element html = single(markup.write(List.of(task)));

        assertThat(html.className()).isEqualTo("cup-row text-secondary");
        assertThat(html.attr("data-lead-id")).isEqualTo("7");
        assertThat(html.attr("data-task-id")).isEqualTo("70");
        assertThat(html.selectFirst("a.fw-semibold").hasAttr("autofocus")).isTrue();
        assertThat(html.selectFirst("a.ltr-value").attr("href")).isEqualTo("tel:+972501234567");
        assertThat(html.selectFirst("[data-countdown]").attr("data-countdown")).isEqualTo("1800000");
        assertThat(html.selectFirst(".cup-why").text()).isEqualTo("SLA at 10:00moved <up> · not \"yet\"");
    }

    @Test
    void rowWithoutPhoneOrBadgesHasEmptyCells() {
        Row task = new Row(8, 80, "/leads/8", "Dana", null, null, "New", "", "1 of 5", "10:00", null, "due", false, true,
                false);

        Elements rows = Jsoup.parseBodyFragment("<table><tbody>" + markup.write(List.of(task, task)) + "</tbody></table>")
                .select("tr");

        assertThat(rows).hasSize(2);
        Element html = rows.first();
        assertThat(html.className()).isEqualTo("cup-row");
        assertThat(html.select("td").get(1).children()).isEmpty();
        assertThat(html.select("[autofocus], [data-countdown], .text-bg-warning")).isEmpty();
        assertThat(html.selectFirst(".cup-why").text()).isEqualTo("due");
    }

    private static Element single(String html) {
        Elements rows = Jsoup.parseBodyFragment("<table><tbody>" + html + "</tbody></table>").select("tr");
        assertThat(rows).hasSize(1);
        return rows.first();
    }
}
