package io.cupboard.dashboard.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.cupboard.dashboard.CenterAnalytics;
import io.cupboard.dashboard.FigureQueries;
import io.cupboard.dashboard.Table;
import io.cupboard.lead.DisqualificationReason;
import io.cupboard.lead.StatusCatalog;
import io.cupboard.shared.DisplayFormat;
import io.cupboard.shared.web.SupportedLanguages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manager's center dashboard: every team's figures today, and over a date range the lead
 * funnel, disqualification reasons, SLA and day-close compliance trends and attempts to contact.
 */
@Controller
class CenterDashboardController {

    static final int MAX_RANGE_DAYS = 366;

    private final FigureQueries figures;
    private final CenterAnalytics analytics;
    private final DashboardTables tables;
    private final ExportResponses exports;
    private final StatusCatalog catalog;
    private final MessageSource messages;
    private final DisplayFormat format;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;

    CenterDashboardController(FigureQueries figures, CenterAnalytics analytics, DashboardTables tables, ExportResponses exports,
                              StatusCatalog catalog, MessageSource messages, DisplayFormat format, JsonMapper json, Clock clock,
                              ZoneId centerZone) {
        this.figures = figures;
        this.analytics = analytics;
        this.tables = tables;
        this.exports = exports;
        this.catalog = catalog;
        this.messages = messages;
        this.format = format;
        this.json = json;
        this.clock = clock;
        this.zone = centerZone;
    }

    /** A date range, the last 7 days by default. */
    record Range(LocalDate from, LocalDate to) {
    }

    @GetMapping("/center")
    String center(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  Locale locale, Model model) {
        Range range = range(from, to, model);
        String language = SupportedLanguages.languageOf(locale);
        model.addAttribute("range", range);
        model.addAttribute("teams", figures.teams());

        var funnel = analytics.funnel(range.from(), range.to());
        model.addAttribute("funnel", funnel);
        model.addAttribute("funnelChart", chart(new ChartSpec("bar", funnelLabels(locale),
                List.of(new ChartSpec.Dataset("", List.of(
                        funnel.stream().mapToLong(CenterAnalytics.FunnelRow::arrived).sum(),
                        funnel.stream().mapToLong(CenterAnalytics.FunnelRow::contacted).sum(),
                        funnel.stream().mapToLong(CenterAnalytics.FunnelRow::followUp).sum(),
                        funnel.stream().mapToLong(CenterAnalytics.FunnelRow::won).sum(),
                        funnel.stream().mapToLong(CenterAnalytics.FunnelRow::lost).sum(),
                        funnel.stream().mapToLong(CenterAnalytics.FunnelRow::disqualified).sum()))),
                false, false, false)));

        var reasons = analytics.reasons(range.from(), range.to());
        Map<String, DisqualificationReason> reasonsByCode = catalog.reasonsByCode();
        model.addAttribute("reasons", reasons);
        model.addAttribute("reasonsByCode", reasonsByCode);
        model.addAttribute("reasonsChart", chart(reasonsChart(reasons, reasonsByCode, language)));

        var sla = analytics.slaTrend(range.from(), range.to());
        model.addAttribute("sla", sla);
        model.addAttribute("slaChart", chart(trendChart(sla, "line")));

        var dayClose = analytics.dayCloseTrend(range.from(), range.to());
        model.addAttribute("dayClose", dayClose);
        model.addAttribute("dayCloseChart", chart(trendChart(dayClose, "line")));

        var attempts = analytics.attemptsToContact(range.from(), range.to());
        model.addAttribute("attempts", attempts);
        model.addAttribute("attemptsChart", chart(new ChartSpec("bar",
                attempts.stream().map(bucket -> attemptsLabel(bucket.attempts(), locale)).toList(),
                List.of(new ChartSpec.Dataset("", attempts.stream().map(CenterAnalytics.AttemptsBucket::leads).toList())),
                false, false, false)));
        return "dashboard/center";
    }

    @GetMapping("/center/export/{table}.{format:csv|xlsx}")
    void export(@PathVariable String table, @PathVariable String format,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Locale locale, HttpServletResponse response) throws IOException {
        Range range = range(from, to, null);
        String language = SupportedLanguages.languageOf(locale);
        Table data = switch (table) {
            case "teams" -> tables.teams(figures.teams(), locale);
            case "funnel" -> tables.funnel(analytics.funnel(range.from(), range.to()), locale);
            case "reasons" -> tables.reasons(analytics.reasons(range.from(), range.to()), catalog.reasonsByCode(), language, locale);
            case "sla" -> tables.daily("sla", analytics.slaTrend(range.from(), range.to()), locale);
            case "day-close" -> tables.daily("day-close", analytics.dayCloseTrend(range.from(), range.to()), locale);
            case "attempts" -> tables.attempts(analytics.attemptsToContact(range.from(), range.to()), locale);
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        exports.send(data, format, "center-" + table + "-" + range.from() + "-" + range.to(),
                SupportedLanguages.isRightToLeft(locale), response);
    }

    private Range range(LocalDate from, LocalDate to, Model model) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(6) : from;
        if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) > MAX_RANGE_DAYS) {
            if (model != null) {
                model.addAttribute("error", "center.range.invalid");
            }
            return new Range(today.minusDays(6), today);
        }
        return new Range(start, end);
    }

    private String chart(ChartSpec spec) {
        return json.writeValueAsString(spec);
    }

    private List<String> funnelLabels(Locale locale) {
        List<String> labels = new ArrayList<>();
        for (String column : List.of("arrived", "contacted", "followUp", "won", "lost", "disqualified")) {
            labels.add(messages.getMessage("dashboard.column." + column, null, locale));
        }
        return labels;
    }

    private String attemptsLabel(int attempts, Locale locale) {
        return attempts >= 5 ? messages.getMessage("center.attempts.bucketMore", null, locale)
                : messages.getMessage("center.attempts.bucket", new Object[] {attempts}, locale);
    }

    /** One stacked bar per team, one series per reason, each a share of the team's closed leads. */
    private static ChartSpec reasonsChart(List<CenterAnalytics.ReasonShare> reasons, Map<String, DisqualificationReason> byCode,
                                          String language) {
        Set<String> teams = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (CenterAnalytics.ReasonShare reason : reasons) {
            teams.add(reason.teamName());
            codes.add(reason.reasonCode());
        }
        List<ChartSpec.Dataset> datasets = new ArrayList<>();
        for (String code : codes) {
            List<Double> data = new ArrayList<>();
            for (String team : teams) {
                data.add(reasons.stream().filter(reason -> reason.teamName().equals(team) && reason.reasonCode().equals(code))
                        .mapToDouble(CenterAnalytics.ReasonShare::share).sum());
            }
            DisqualificationReason known = byCode.get(code);
            datasets.add(new ChartSpec.Dataset(known == null ? code : known.name(language), data));
        }
        return new ChartSpec("bar", List.copyOf(teams), datasets, true, true, false);
    }

    /** One line per team over the days of the range. */
    private ChartSpec trendChart(List<CenterAnalytics.DailyShare> shares, String type) {
        Set<LocalDate> days = new java.util.TreeSet<>();
        Map<String, Map<LocalDate, Double>> byTeam = new LinkedHashMap<>();
        for (CenterAnalytics.DailyShare share : shares) {
            days.add(share.day());
            byTeam.computeIfAbsent(share.teamName(), name -> new LinkedHashMap<>()).put(share.day(), share.share());
        }
        List<ChartSpec.Dataset> datasets = new ArrayList<>();
        byTeam.forEach((team, values) -> datasets.add(new ChartSpec.Dataset(team,
                days.stream().map(day -> values.get(day)).toList())));
        return new ChartSpec(type, days.stream().map(format::date).toList(), datasets, false, true, false);
    }
}
