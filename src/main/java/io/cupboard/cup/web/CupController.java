package io.cupboard.cup.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import io.cupboard.cup.Cup;
import io.cupboard.cup.Cups;
import io.cupboard.cup.NextLead;
import io.cupboard.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's home: today's CUP in the computed order, and next-lead mode.
 */
@Controller
class CupController {

    private final Cups cups;
    private final NextLead nextLead;
    private final CupRows rows;

    CupController(Cups cups, NextLead nextLead, CupRows rows) {
        this.cups = cups;
        this.nextLead = nextLead;
        this.rows = rows;
    }

    /**
     * Shows the CUP, or with htmx only its sections (the polling refresh and "show more").
     *
     * @param shownRows how many rows of the CUP to show, at least one page
     * @param from      the position of the first row "show more" adds, which takes the focus
     */
    @GetMapping("/cup")
    String cup(@AuthenticationPrincipal CurrentUser agent, @RequestParam(name = "rows", required = false) Integer shownRows,
               @RequestParam(required = false) Integer from,
               @RequestHeader(value = "HX-Request", required = false) String htmx,
               Locale locale, HttpServletRequest request, Model model) {
        Cup cup = cups.cupOf(agent.id(), agent.teamId());
        if (!cup.dayOpened()) {
            return "redirect:/workday/plan";
        }
        rows.addTo(model, cup, shownRows, from, locale, request.getContextPath(), "/cup");
        model.addAttribute("readOnly", false);
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
