package io.cupboard.dashboard.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cupboard.dashboard.AgentFigures;
import io.cupboard.dashboard.CenterAnalytics;
import io.cupboard.dashboard.Table;
import io.cupboard.dashboard.TeamFigures;
import io.cupboard.lead.DisqualificationReason;
import io.cupboard.shared.DisplayFormat;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds the dashboards' tables with translated headers, for the exports.
 */
@Component
class DashboardTables {

    private final MessageSource messages;
    private final DisplayFormat format;

    DashboardTables(MessageSource messages, DisplayFormat format) {
        this.messages = messages;
        this.format = format;
    }

    Table agents(List<AgentFigures> agents, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (AgentFigures agent : agents) {
            rows.add(List.of(agent.agentName(), agent.hygieneScore(), agent.cupSize(), agent.dueToday(), agent.overdue(),
                    agent.missedCallbacks(), agent.leadsWithoutTask(), agent.newPastSla(), share(agent.slaComplianceToday()),
                    share(agent.slaComplianceWeek()), minutes(agent.medianFirstContact()), agent.attemptsToday(),
                    agent.contactsToday(), agent.salesToday(), time(agent.dayOpenedAt()),
                    yesNo(agent.dayClosedClean(), locale)));
        }
        return new Table("agents", headers(locale, "agent", "score", "cupSize", "dueToday", "overdue", "missedCallbacks",
                "withoutTask", "pastSla", "slaToday", "slaWeek", "medianFirstContact", "attempts", "contacts", "sales",
                "dayOpened", "dayClosed"), rows);
    }

    Table teams(List<TeamFigures> teams, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (TeamFigures team : teams) {
            rows.add(List.of(team.teamName(), team.agents(), team.cupSize(), team.dueToday(), team.overdue(),
                    team.missedCallbacks(), team.leadsWithoutTask(), team.newPastSla(), share(team.slaComplianceToday()),
                    share(team.slaComplianceWeek()), minutes(team.medianFirstContact()), team.attemptsToday(),
                    team.contactsToday(), team.salesToday(), team.daysOpened(), team.daysClosedClean()));
        }
        return new Table("teams", headers(locale, "team", "agents", "cupSize", "dueToday", "overdue", "missedCallbacks",
                "withoutTask", "pastSla", "slaToday", "slaWeek", "medianFirstContact", "attempts", "contacts", "sales",
                "daysOpened", "daysClosed"), rows);
    }

    Table funnel(List<CenterAnalytics.FunnelRow> funnel, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (CenterAnalytics.FunnelRow row : funnel) {
            rows.add(List.of(row.source(), row.campaign(), row.arrived(), row.contacted(), row.followUp(), row.won(),
                    row.lost(), row.disqualified()));
        }
        return new Table("funnel", headers(locale, "source", "campaign", "arrived", "contacted", "followUp", "won", "lost",
                "disqualified"), rows);
    }

    Table reasons(List<CenterAnalytics.ReasonShare> reasons, Map<String, DisqualificationReason> byCode, String language,
                  Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (CenterAnalytics.ReasonShare reason : reasons) {
            DisqualificationReason known = byCode.get(reason.reasonCode());
            rows.add(List.of(reason.teamName(), known == null ? reason.reasonCode() : known.name(language), reason.leads(),
                    new Table.Share(reason.share())));
        }
        return new Table("reasons", headers(locale, "team", "reason", "leads", "share"), rows);
    }

    Table daily(String name, List<CenterAnalytics.DailyShare> shares, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (CenterAnalytics.DailyShare share : shares) {
            rows.add(List.of(format.date(share.day()), share.teamName(), share.met(), share.total(), share(share.share())));
        }
        return new Table(name, headers(locale, "day", "team", "met", "total", "share"), rows);
    }

    Table attempts(List<CenterAnalytics.AttemptsBucket> buckets, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (CenterAnalytics.AttemptsBucket bucket : buckets) {
            rows.add(List.of(bucket.attempts(), bucket.leads()));
        }
        return new Table("attempts", headers(locale, "attemptsBefore", "leads"), rows);
    }

    private List<String> headers(Locale locale, String... columns) {
        List<String> headers = new ArrayList<>();
        for (String column : columns) {
            headers.add(messages.getMessage("dashboard.column." + column, null, locale));
        }
        return headers;
    }

    private Object time(Instant instant) {
        return instant == null ? "" : format.time(instant);
    }

    private String yesNo(boolean value, Locale locale) {
        return messages.getMessage(value ? "common.yes" : "common.no", null, locale);
    }

    private static Object share(Double value) {
        return value == null ? "" : new Table.Share(value);
    }

    private static Object minutes(Duration duration) {
        return duration == null ? "" : duration.toMinutes();
    }
}
