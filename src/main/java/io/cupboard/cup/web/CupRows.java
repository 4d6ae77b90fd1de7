package io.cupboard.cup.web;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cupboard.cup.Cup;
import io.cupboard.cup.CupItem;
import io.cupboard.cup.CupSection;
import io.cupboard.lead.ContactPolicies;
import io.cupboard.lead.LeadStatus;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.StatusCatalog;
import io.cupboard.shared.DisplayFormat;
import io.cupboard.shared.web.SupportedLanguages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns the CUP's items into the text its rows show. An agent's CUP has up to a few hundred rows.
 * Resolving each cell's messages and lookups here, once per page, is cheaper than evaluating the
 * same expressions in the template for every row. In the benchmark the page's median fell from
 * 19 to 15 ms for 171 rows (docs/benchmarks.md).
 */
@Component
public class CupRows {

    private final MessageSource messages;
    private final StatusCatalog catalog;
    private final ContactPolicies policies;
    private final DisplayFormat format;

    CupRows(MessageSource messages, StatusCatalog catalog, ContactPolicies policies, DisplayFormat format) {
        this.messages = messages;
        this.catalog = catalog;
        this.policies = policies;
        this.format = format;
    }

    /**
     * One row of the CUP table, every cell ready to print. It is public because the template's compiled
     * expressions read it directly. On a package-private type SpEL falls back to reflection for each cell.
     */
    public record Row(long leadId, long taskId, String href, String name, String phoneE164, String phoneDisplay, String type, String status,
               String attempts, String due, Long slaCountdownMillis, String why, boolean lifted, boolean actionable) {
    }

    /**
     * Returns the rows of each section, in the CUP's order.
     *
     * @param contextPath the application's context path, which starts each row's link to its lead card
     */
    Map<CupSection, List<Row>> of(Cup cup, Locale locale, String contextPath) {
        String language = SupportedLanguages.languageOf(locale);
        Map<Long, LeadStatus> statuses = catalog.statusesById();
        Map<LeadType, Integer> maxAttempts = new EnumMap<>(LeadType.class);
        // Many rows share a text (attempt 1 of 5, due at 10:00), so each is formatted once per page.
        Map<String, String> texts = new HashMap<>();
        String noName = messages.getMessage("lead.card.noName", null, locale);
        Map<CupSection, List<Row>> rows = new EnumMap<>(CupSection.class);
        cup.sections().forEach((section, items) -> rows.put(section, items.stream().map(item -> {
            int max = maxAttempts.computeIfAbsent(item.leadType(), type -> policies.policyFor(type, null).maxAttempts());
            LeadStatus status = statuses.get(item.statusId());
            boolean sla = section == CupSection.NEW_IN_SLA;
            String type = texts.computeIfAbsent("lead.type." + item.leadType(), key -> messages.getMessage(key, null, locale));
            return new Row(item.leadId(), item.taskId(), contextPath + "/leads/" + item.leadId(), item.leadName() == null ? noName : item.leadName(), item.phoneE164(),
                    item.phoneDisplay(), type, status == null ? "" : status.name(language),
                    texts.computeIfAbsent("cup.attempt " + item.attemptCount() + " " + max,
                            key -> messages.getMessage("cup.attempt", new Object[] {item.attemptCount(), max}, locale)),
                    format.time(item.dueAt()), sla ? item.slaDeadlineAt().toEpochMilli() : null,
                    why(section, format.time(sla ? item.slaDeadlineAt() : item.dueAt()), locale, texts),
                    item.lifted() && (section == CupSection.OVERDUE || section == CupSection.DUE_TODAY), item.actionable());
        }).toList()));
        return rows;
    }

    private String why(CupSection section, String time, Locale locale, Map<String, String> texts) {
        return texts.computeIfAbsent("cup.why." + section + " " + time,
                key -> messages.getMessage("cup.why." + section, new Object[] {time}, locale));
    }
}
