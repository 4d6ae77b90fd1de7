package io.cupboard.alert.web;

import io.cupboard.alert.Alerts;
import io.cupboard.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's alerts: the badge and menu that every page polls, the full list, and dismissing.
 * Every query is scoped to the user, so a foreign alert gets a 404 response.
 */
@Controller
@RequestMapping("/alerts")
class AlertController {

    static final int MENU_SIZE = 8;
    static final int LIST_SIZE = 200;

    private static final String HTMX = "HX-Request";

    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("alerts", alerts.open(user, LIST_SIZE));
        model.addAttribute("count", alerts.openCount(user));
        return "alert/alerts";
    }

    /** Returns the badge with the open count, and the menu's latest alerts as an out-of-band swap. */
    @GetMapping("/badge")
    String badge(@AuthenticationPrincipal CurrentUser user, Model model) {
        navigation(user, model);
        return "alert/navigation :: poll";
    }

    @PostMapping("/{id}/dismiss")
    String dismiss(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
                   @RequestHeader(value = HTMX, required = false) String htmx, Model model, RedirectAttributes redirect) {
        alerts.dismiss(id, user);
        if (htmx == null) {
            redirect.addFlashAttribute("success", "alert.dismissed");
            return "redirect:/alerts";
        }
        navigation(user, model);
        return "alert/navigation :: dismissed";
    }

    private void navigation(CurrentUser user, Model model) {
        model.addAttribute("alerts", alerts.open(user, MENU_SIZE));
        model.addAttribute("count", alerts.openCount(user));
    }
}
