package io.cupboard.cup.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import io.cupboard.cup.Cup;
import io.cupboard.cup.CupSection;
import io.cupboard.cup.Cups;
import io.cupboard.cup.NextLead;
import io.cupboard.identity.CurrentUser;
import io.cupboard.workday.WorkDays;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's home: today's CUP in the computed order, and next-lead mode.
 */
@Controller
class CupController {

    private final Cups cups;
    private final NextLead nextLead;
    private final WorkDays workDays;
    private final CupRows rows;

    CupController(Cups cups, NextLead nextLead, WorkDays workDays, CupRows rows) {
        this.cups = cups;
        this.nextLead = nextLead;
        this.workDays = workDays;
        this.rows = rows;
    }

    @GetMapping("/cup")
    String cup(@AuthenticationPrincipal CurrentUser agent, @RequestHeader(value = "HX-Request", required = false) String htmx,
               Locale locale, HttpServletRequest request, Model model) {
        if (!workDays.openedToday(agent.id())) {
            return "redirect:/workday/plan";
        }
        Cup cup = cups.cupOf(agent.id(), agent.teamId());
        model.addAttribute("cup", cup);
        model.addAttribute("sections", CupSection.values());
        model.addAttribute("rows", rows.of(cup, locale, request.getContextPath()));
        model.addAttribute("readOnly", false);
        model.addAttribute("refreshUrl", "/cup");
        return htmx == null ? "cup/cup" : "cup/cup :: sections";
    }

    @GetMapping("/cup/next")
    String next(@AuthenticationPrincipal CurrentUser agent, RedirectAttributes redirect) {
        return nextLead.next(agent)
                .map(leadId -> "redirect:/leads/" + leadId + "?next=true")
                .orElseGet(() -> {
                    redirect.addFlashAttribute("info", "cup.next.none");
                    return "redirect:/cup";
                });
    }
}
