package io.cupboard.lead.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.identity.CurrentUser;
import io.cupboard.lead.CallOutcome;
import io.cupboard.lead.LeadCard;
import io.cupboard.lead.LeadCards;
import io.cupboard.lead.LeadConflictException;
import io.cupboard.lead.LeadNotes;
import io.cupboard.lead.LeadRuleException;
import io.cupboard.lead.LeadSourceNames;
import io.cupboard.lead.OutcomeRequest;
import io.cupboard.lead.OutcomeResult;
import io.cupboard.lead.Outcomes;
import io.cupboard.lead.StatusCatalog;
import io.cupboard.shared.DisplayFormat;
import io.cupboard.shared.web.SupportedLanguages;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lead card: contact details, the open task, outcome buttons and the timeline. htmx requests
 * get the card fragment back; plain form posts are redirected to the card (post-redirect-get).
 */
@Controller
@RequestMapping("/leads/{leadId}")
class LeadCardController {

    private static final String HTMX = "HX-Request";

    private final LeadCards cards;
    private final Outcomes outcomes;
    private final LeadNotes notes;
    private final StatusCatalog catalog;
    private final BusinessCalendar calendar;
    private final DisplayFormat format;
    private final MessageSource messages;
    private final LeadCardProperties properties;
    private final LeadSourceNames sourceNames;
    private final Clock clock;

    LeadCardController(LeadCards cards, Outcomes outcomes, LeadNotes notes, StatusCatalog catalog, BusinessCalendar calendar,
                       DisplayFormat format, MessageSource messages, LeadCardProperties properties, LeadSourceNames sourceNames,
                       Clock clock) {
        this.cards = cards;
        this.outcomes = outcomes;
        this.notes = notes;
        this.catalog = catalog;
        this.calendar = calendar;
        this.format = format;
        this.messages = messages;
        this.properties = properties;
        this.sourceNames = sourceNames;
        this.clock = clock;
    }

    @GetMapping
    String card(@PathVariable long leadId, @RequestParam(defaultValue = "false") boolean next,
                @AuthenticationPrincipal CurrentUser user, @RequestHeader(value = HTMX, required = false) String htmx,
                Model model) {
        populate(model, cards.card(leadId, user), next);
        return htmx == null ? "lead/card" : "lead/card :: card";
    }

    @PostMapping("/outcome")
    String outcome(@PathVariable long leadId, @Valid OutcomeForm form, BindingResult binding,
                   @AuthenticationPrincipal CurrentUser user, @RequestHeader(value = HTMX, required = false) String htmx,
                   Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        if (binding.hasErrors()) {
            return rejected(leadId, form.nextMode(), user, "outcome.error.invalid", new Object[0], htmx, model, redirect, response);
        }
        OutcomeResult result;
        try {
            result = outcomes.record(leadId, form.getVersion(), toRequest(form), user);
        } catch (LeadConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return respond(leadId, form.nextMode(), user, "error", "lead.conflict", new Object[0], htmx, model, redirect);
        } catch (LeadRuleException e) {
            return rejected(leadId, form.nextMode(), user, e.messageKey(), format.messageArguments(e.arguments()), htmx, model, redirect, response);
        }
        if (form.nextMode()) {
            // Next-lead mode: the CUP decides which lead opens next.
            if (htmx == null) {
                return "redirect:/cup/next";
            }
            // htmx follows the header and needs no body. With the response among the arguments, a
            // null view name marks the response complete, so Spring MVC resolves and renders no view.
            response.setHeader("HX-Redirect", "/cup/next");
            return null;
        }
        return respond(leadId, false, user, "success", "outcome.saved", new Object[] {summary(result, form.getOutcome(), locale)},
                htmx, model, redirect);
    }

    @PostMapping("/note")
    String note(@PathVariable long leadId, @RequestParam(required = false) String note,
                @RequestParam(defaultValue = "false") boolean next, @AuthenticationPrincipal CurrentUser user,
                @RequestHeader(value = HTMX, required = false) String htmx, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        try {
            notes.add(leadId, note, user);
        } catch (LeadRuleException e) {
            return rejected(leadId, next, user, e.messageKey(), e.arguments(), htmx, model, redirect, response);
        }
        return respond(leadId, next, user, "success", "note.saved", new Object[0], htmx, model, redirect);
    }

    private String rejected(long leadId, boolean next, CurrentUser user, String key, Object[] arguments, String htmx, Model model,
                            RedirectAttributes redirect, HttpServletResponse response) {
        response.setStatus(422);
        return respond(leadId, next, user, "error", key, arguments, htmx, model, redirect);
    }

    private String respond(long leadId, boolean next, CurrentUser user, String kind, String key, Object[] arguments,
                           String htmx, Model model, RedirectAttributes redirect) {
        if (htmx == null) {
            redirect.addFlashAttribute(kind, key);
            redirect.addFlashAttribute(kind + "Args", arguments);
            return "redirect:/leads/" + leadId + (next ? "?next=true" : "");
        }
        model.addAttribute(kind, key);
        model.addAttribute(kind + "Args", arguments);
        populate(model, cards.card(leadId, user), next);
        return "lead/card :: card";
    }

    private void populate(Model model, LeadCard card, boolean next) {
        Instant now = clock.instant();
        model.addAttribute("card", card);
        model.addAttribute("nextMode", next);
        String source = card.lead().getSource();
        model.addAttribute("sourceName", source == null ? null : sourceNames.nameOf(source).orElse(source));
        model.addAttribute("statusesByCode", catalog.statusesByCode());
        model.addAttribute("reasonsByCode", catalog.reasonsByCode());
        model.addAttribute("reasons", catalog.activeReasons());
        model.addAttribute("followUpStatuses", catalog.followUpStatuses());
        model.addAttribute("outcomes", CallOutcome.values());
        model.addAttribute("dialerUrl", properties.dialerUrl(card.lead().getPhoneE164()));
        model.addAttribute("alternateDialerUrl", properties.dialerUrl(card.lead().getAlternatePhoneE164()));
        var callbackChoices = CallbackChoices.from(now, calendar);
        model.addAttribute("callbackChoices", callbackChoices);
        model.addAttribute("callbackDefault", format.inputValue(callbackChoices.get(0).at()));
        model.addAttribute("now", now);
    }

    private OutcomeRequest toRequest(OutcomeForm form) {
        Instant callbackAt = form.getCallbackAt() == null ? null : form.getCallbackAt().atZone(calendar.zone()).toInstant();
        return new OutcomeRequest(form.getOutcome(), callbackAt, form.getReasonId(), form.getStatusId(), form.getNote());
    }


    private String summary(OutcomeResult result, CallOutcome outcome, Locale locale) {
        String text = messages.getMessage(outcome.messageKey(), null, locale);
        if (result.movedToPool()) {
            return text + ". " + messages.getMessage("outcome.saved.pool", null, locale);
        }
        if (result.closed()) {
            return text + ". " + messages.getMessage("outcome.saved.closed", null, locale);
        }
        String task = messages.getMessage("task.type." + result.nextTaskType(), null, locale);
        return text + ". " + messages.getMessage("outcome.saved.next", new Object[] {task, format.dateTime(result.nextDueAt())}, locale);
    }

    static String language(Locale locale) {
        return SupportedLanguages.languageOf(locale);
    }
}
