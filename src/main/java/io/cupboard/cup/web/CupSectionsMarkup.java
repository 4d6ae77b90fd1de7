package io.cupboard.cup.web;

import java.util.List;
import java.util.Locale;

import io.cupboard.cup.Cup;
import io.cupboard.cup.CupItem;
import io.cupboard.cup.CupSection;
import io.cupboard.cup.web.CupRows.Page;
import io.cupboard.shared.DisplayFormat;
import io.cupboard.workday.DaySegment;
import org.springframework.context.MessageSource;

import static io.cupboard.cup.web.CupRowMarkup.escape;

/**
 * Writes the inside of the CUP's sections block as HTML: the day's header with the pace, a card per
 * section with its rows (see {@link CupRowMarkup}) and "show more", and the count of later work.
 * The block is most of the page and what its polling refresh fetches. In the template engine its
 * hundred or so expressions took about an eighth of the page's Java CPU time, so it is written here
 * and the template prints it unescaped. Every text is escaped as {@code th:text} escapes it.
 */
final class CupSectionsMarkup {

    /** Characters of the block besides its rows. */
    private static final int FRAME_LENGTH = 4096;
    private static final String[] COLUMNS = {"lead", "phone", "type", "status", "attempts", "due", "why"};

    private final MessageSource messages;
    private final DisplayFormat format;
    private final Locale locale;

    CupSectionsMarkup(MessageSource messages, DisplayFormat format, Locale locale) {
        this.messages = messages;
        this.format = format;
        this.locale = locale;
    }

    /**
     * Returns the block's HTML.
     *
     * @param moreUrl the address from which "show more" requests the longer list, with the context path and without parameters
     */
    String write(Cup cup, Page page, String moreUrl) {
        StringBuilder html = new StringBuilder(FRAME_LENGTH + page.markup().values().stream().mapToInt(String::length).sum());
        header(cup, html);
        if (cup.todayCount() == 0) {
            html.append("<p class=\"text-secondary\" id=\"cup-empty\">").append(text("cup.empty")).append("</p>");
        }
        for (CupSection section : CupSection.values()) {
            section(section, cup.sections().get(section), page, moreUrl, html);
        }
        html.append("<p class=\"text-secondary\" id=\"later-count\">").append(text("cup.later", cup.laterCount())).append("</p>");
        return html.toString();
    }

    private void header(Cup cup, StringBuilder html) {
        html.append("<div class=\"card shadow-sm mb-3\" id=\"cup-header\">")
                .append("<div class=\"card-body py-2 d-flex flex-wrap gap-3 align-items-center small\">");
        if (cup.day().isPresent() && cup.day().get().openedAt() != null) {
            html.append("<span id=\"day-opened\">").append(text("cup.dayOpened", format.time(cup.day().get().openedAt())))
                    .append("</span>");
        }
        if (cup.currentSegment().isPresent()) {
            DaySegment segment = cup.currentSegment().get();
            html.append("<span id=\"current-segment\"><span>").append(text("cup.segment.label"))
                    .append("</span> <span class=\"ltr-value\">").append(escape(format.time(segment.getStartsAt()) + "–"
                            + format.time(segment.getEndsAt())))
                    .append("</span> <span>").append(text(segment.getFocus().messageKey())).append("</span></span>");
        } else {
            html.append("<span id=\"current-segment\">").append(text("cup.segment.none")).append("</span>");
        }
        String workLeft = format.hoursMinutes(cup.workLeft());
        String shiftLeft = format.hoursMinutes(cup.shiftLeft());
        html.append("<span id=\"work-left\">").append(text("cup.work.left", cup.todayCount(), workLeft)).append("</span>");
        html.append("<span id=\"shift-left\">")
                .append(cup.shift().isPresent() ? text("cup.shift.left", shiftLeft) : text("cup.shift.none")).append("</span>");
        Cup.Pace pace = cup.pace();
        html.append("</div><div class=\"alert mb-0 rounded-0 rounded-bottom py-2 ").append(switch (pace) {
                    case OVER -> "alert-danger";
                    case TIGHT -> "alert-warning";
                    case FITS -> "alert-success";
                })
                .append("\" id=\"pace\" role=\"status\" data-pace=\"").append(pace).append("\">")
                .append(text("cup.pace." + pace, workLeft, shiftLeft)).append("</div></div>");
    }

    private void section(CupSection section, List<CupItem> items, Page page, String moreUrl, StringBuilder html) {
        int shownRows = page.of(section).size();
        html.append("<div class=\"card shadow-sm mb-3 cup-section\" id=\"section-").append(section)
                .append("\" data-count=\"").append(items.size()).append("\">")
                .append("<div class=\"card-header d-flex justify-content-between\"><h2 class=\"h6 mb-0\">")
                .append(text(section.messageKey()))
                .append("</h2><span class=\"badge text-bg-primary rounded-pill section-count\">").append(items.size())
                .append("</span></div>");
        if (shownRows > 0) {
            html.append("<div class=\"table-responsive\"><table class=\"table table-sm table-hover align-middle mb-0 table-stack-phone\">")
                    .append("<thead class=\"visually-hidden-focusable\"><tr>");
            for (String column : COLUMNS) {
                html.append("<th scope=\"col\">").append(text("cup.column." + column)).append("</th>");
            }
            html.append("</tr></thead><tbody>").append(page.markupOf(section)).append("</tbody></table></div>");
        }
        if (shownRows < items.size()) {
            html.append("<div class=\"card-footer d-flex flex-wrap align-items-center gap-2 small\">")
                    .append("<span class=\"text-secondary section-shown\">").append(text("cup.section.shown", shownRows, items.size()))
                    .append("</span>");
            // No id: after the swap htmx would give the focus back to an element with the same id,
            // and the first added row (autofocus) should have it.
            if (section == page.cutSection()) {
                html.append("<button type=\"button\" class=\"btn btn-outline-primary btn-sm cup-show-more\" hx-get=\"")
                        .append(escape(moreUrl + "?rows=" + page.nextLimit() + "&from=" + page.shown()))
                        .append("\" hx-target=\"#cup-sections\" hx-swap=\"outerHTML\">")
                        .append(text("cup.showMore", page.nextCount())).append("</button>");
            }
            html.append("</div>");
        }
        html.append("</div>");
    }

    private String text(String key, Object... arguments) {
        return escape(messages.getMessage(key, arguments, locale));
    }
}
