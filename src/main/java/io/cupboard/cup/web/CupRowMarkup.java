package io.cupboard.cup.web;

import java.util.List;

import io.cupboard.cup.web.CupRows.Row;
import org.unbescape.html.HtmlEscape;

/**
 * Writes the CUP table's rows as HTML. The template engine spent about a quarter of the CUP page's
 * CPU time on these rows alone, evaluating the same dozen expressions for each of them, so the rows
 * are written here and the template prints them unescaped. Every text is escaped the way
 * Thymeleaf's {@code th:text} escapes it; the page's other parts stay in the template.
 */
final class CupRowMarkup {

    /** Characters per row, enough for most rows so that the builder seldom grows. */
    private static final int ROW_LENGTH = 720;

    private final String liftedBadge;
    private final String notYet;

    /**
     * @param lifted the badge text of a task the current segment moved up
     * @param notYet the note on a task that cannot be worked yet
     */
    CupRowMarkup(String lifted, String notYet) {
        this.liftedBadge = "<span class=\"badge text-bg-warning ms-1\">" + escape(lifted) + "</span>";
        this.notYet = " · " + escape(notYet);
    }

    /** Returns the rows as the HTML of a table body. */
    String write(List<Row> rows) {
        StringBuilder html = new StringBuilder(rows.size() * ROW_LENGTH);
        for (Row row : rows) {
            write(row, html);
        }
        return html.toString();
    }

    private void write(Row row, StringBuilder html) {
        html.append("<tr class=\"cup-row").append(row.actionable() ? "" : " text-secondary")
                .append("\" data-lead-id=\"").append(row.leadId())
                .append("\" data-task-id=\"").append(row.taskId())
                .append("\"><td class=\"stack-full\"><a href=\"").append(escape(row.href()))
                .append("\" class=\"fw-semibold\"").append(row.autofocus() ? " autofocus=\"autofocus\"" : "")
                .append('>').append(escape(row.name())).append("</a></td><td>");
        if (row.phoneE164() != null) {
            html.append("<a class=\"ltr-value\" href=\"tel:").append(escape(row.phoneE164())).append("\">")
                    .append(escape(row.phoneDisplay())).append("</a>");
        }
        html.append("</td><td><span class=\"badge text-bg-info\">").append(escape(row.type()))
                .append("</span></td><td>").append(escape(row.status()))
                .append("</td><td class=\"text-nowrap\">").append(escape(row.attempts()))
                .append("</td><td class=\"text-nowrap\">").append(escape(row.due()));
        if (row.slaCountdownMillis() != null) {
            html.append("<span class=\"badge ltr-value ms-1\" data-countdown=\"").append(row.slaCountdownMillis())
                    .append("\"></span>");
        }
        html.append("</td><td class=\"small cup-why\">").append(escape(row.why()));
        if (row.lifted()) {
            html.append(liftedBadge);
        }
        if (!row.actionable()) {
            html.append(notYet);
        }
        html.append("</td></tr>");
    }

    /**
     * Escapes a text with the escaper Thymeleaf's {@code th:text} uses: the five characters that are
     * significant in HTML text and quoted attributes. A text without them comes back as it is.
     */
    static String escape(String text) {
        return text == null ? "" : HtmlEscape.escapeHtml4Xml(text);
    }
}
