package io.cupboard.cup.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.cupboard.cup.Cup;
import io.cupboard.cup.CupItem;
import io.cupboard.cup.CupProperties;
import io.cupboard.cup.CupSection;
import io.cupboard.lead.ContactPolicies;
import io.cupboard.lead.LeadStatus;
import io.cupboard.lead.StatusCatalog;
import io.cupboard.shared.DisplayFormat;
import io.cupboard.shared.web.SupportedLanguages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Turns the first rows of the CUP into the text they show. An agent's CUP has up to a few hundred
 * rows, and writing them was most of the page's time, so the page shows the first
 * {@code cupboard.cup.rows-per-page} in CUP order and adds as many with each "show more".
 * Resolving each cell's messages and lookups here, once per page, is cheaper than evaluating the
 * same expressions in the template for every row.
 */
@Component
public class CupRows {

    private final MessageSource messages;
    private final StatusCatalog catalog;
    private final ContactPolicies policies;
    private final DisplayFormat format;
    private final int rowsPerPage;

    CupRows(MessageSource messages, StatusCatalog catalog, ContactPolicies policies, DisplayFormat format,
            CupProperties properties) {
        this.messages = messages;
        this.catalog = catalog;
        this.policies = policies;
        this.format = format;
        this.rowsPerPage = properties.rowsPerPage();
    }

    /**
     * One row of the CUP table, every cell ready to print.
     *
     * @param autofocus whether the row's link takes the focus, which "show more" gives its first new row
     */
    record Row(long leadId, long taskId, String href, String name, String phoneE164, String phoneDisplay, String type, String status,
               String attempts, String due, Long slaCountdownMillis, String why, boolean lifted, boolean actionable,
               boolean autofocus) {
    }

    /**
     * The rows a CUP page shows: the first {@code limit} tasks in CUP order, grouped by section.
     * It is public because the template's compiled expressions read it directly. On a
     * package-private type SpEL falls back to reflection.
     *
     * @param rows       the rows of each section
     * @param markup     the HTML of each section's rows, see {@link CupRowMarkup}
     * @param limit      how many rows the request named, which the polling refresh requests again
     * @param shown      how many rows it shows, at most {@code limit}
     * @param total      the tasks of the whole CUP
     * @param cutSection the first section with rows not shown, where "show more" goes; null when every row is shown
     * @param expanded   whether "show more" has been used, so that the refresh keeps the longer list
     */
    public record Page(Map<CupSection, List<Row>> rows, Map<CupSection, String> markup, int limit, int shown, int total, CupSection cutSection,
                       boolean expanded, int nextLimit, int nextCount) {

        /** Returns the rows of a section that the page shows. */
        public List<Row> of(CupSection section) {
            return rows.get(section);
        }

        /** Returns the HTML of the rows of a section that the page shows, escaped and ready to print. */
        public String markupOf(CupSection section) {
            return markup.get(section);
        }
    }

    /**
     * Adds a CUP to a page's model with what the template shows of it: the page of rows, the
     * sections block's HTML (see {@link CupSectionsMarkup}) and the address that refreshes it. The
     * agent's CUP page and the team lead's view of it share this.
     *
     * @param shownRows  how many rows the request named, or null for one page
     * @param focusFrom  the position of the row that takes the focus, or null for none
     * @param refreshUrl the page's address without the context path, which the refresh and "show more" request
     */
    void addTo(Model model, Cup cup, Integer shownRows, Integer focusFrom, Locale locale, String contextPath, String refreshUrl) {
        Page page = page(cup, limitFor(shownRows), focusFrom, locale, contextPath);
        model.addAttribute("cup", cup);
        model.addAttribute("page", page);
        model.addAttribute("refreshUrl", refreshUrl);
        model.addAttribute("sectionsMarkup", new CupSectionsMarkup(messages, format, locale).write(cup, page, contextPath + refreshUrl));
    }

    /**
     * Returns the number of rows a page shows for a request of {@code requested} rows: at least one
     * page, and one page when the request names no number.
     */
    private int limitFor(Integer requested) {
        return requested == null ? rowsPerPage : Math.max(requested, rowsPerPage);
    }

    /**
     * Returns the first {@code limit} rows of the CUP in its order.
     *
     * @param focusFrom   the position (from 0) of the row that takes the focus, or null for none
     * @param contextPath the application's context path, which starts each row's link to its lead card
     */
    private Page page(Cup cup, int limit, Integer focusFrom, Locale locale, String contextPath) {
        RowFormat rowFormat = new RowFormat(locale, contextPath);
        Map<CupSection, List<Row>> rows = new EnumMap<>(CupSection.class);
        Map<CupSection, String> markup = new EnumMap<>(CupSection.class);
        CupSection cutSection = null;
        int position = 0;
        for (Map.Entry<CupSection, List<CupItem>> entry : cup.sections().entrySet()) {
            CupSection section = entry.getKey();
            List<Row> sectionRows = new ArrayList<>();
            for (CupItem item : entry.getValue()) {
                if (position == limit) {
                    break;
                }
                sectionRows.add(rowFormat.row(section, item, focusFrom != null && position == focusFrom));
                position++;
            }
            if (cutSection == null && sectionRows.size() < entry.getValue().size()) {
                cutSection = section;
            }
            rows.put(section, sectionRows);
            markup.put(section, rowFormat.markup.write(sectionRows));
        }
        int total = cup.todayCount();
        return new Page(rows, markup, limit, position, total, cutSection, limit > rowsPerPage, limit + rowsPerPage,
                Math.min(rowsPerPage, total - position));
    }

    /**
     * Formats rows for one page. Many rows share a text (attempt 1 of 5, due at 10:00), so each is
     * formatted once per page.
     */
    private final class RowFormat {

        private final Locale locale;
        private final String contextPath;
        private final String language;
        private final Map<Long, LeadStatus> statuses = catalog.statusesById();
        private final Map<String, String> texts = new HashMap<>();
        private final String noName;
        private final CupRowMarkup markup;

        RowFormat(Locale locale, String contextPath) {
            this.locale = locale;
            this.contextPath = contextPath;
            this.language = SupportedLanguages.languageOf(locale);
            this.noName = messages.getMessage("lead.card.noName", null, locale);
            this.markup = new CupRowMarkup(messages.getMessage("cup.why.lifted", null, locale),
                    messages.getMessage("cup.why.notYet", null, locale));
        }

        Row row(CupSection section, CupItem item, boolean autofocus) {
            int maxAttempts = policies.policyFor(item.leadType(), item.leadSource()).maxAttempts();
            LeadStatus status = statuses.get(item.statusId());
            boolean sla = section == CupSection.NEW_IN_SLA;
            String type = text("lead.type." + item.leadType(), key -> messages.getMessage(key, null, locale));
            String attempts = text("cup.attempt " + item.attemptCount() + " " + maxAttempts,
                    key -> messages.getMessage("cup.attempt", new Object[] {item.attemptCount(), maxAttempts}, locale));
            String reasonTime = format.time(sla ? item.slaDeadlineAt() : item.dueAt());
            String why = text("cup.why." + section + " " + reasonTime,
                    key -> messages.getMessage("cup.why." + section, new Object[] {reasonTime}, locale));
            boolean lifted = item.lifted() && (section == CupSection.OVERDUE || section == CupSection.DUE_TODAY);
            return new Row(item.leadId(), item.taskId(), contextPath + "/leads/" + item.leadId(),
                    item.leadName() == null ? noName : item.leadName(), item.phoneE164(), item.phoneDisplay(), type,
                    status == null ? "" : status.name(language), attempts, format.time(item.dueAt()),
                    sla ? item.slaDeadlineAt().toEpochMilli() : null, why, lifted, item.actionable(), autofocus);
        }

        private String text(String key, Function<String, String> resolve) {
            return texts.computeIfAbsent(key, resolve);
        }
    }
}
