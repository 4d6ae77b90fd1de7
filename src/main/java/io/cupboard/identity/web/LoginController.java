package io.cupboard.identity.web;

import java.time.Duration;

import io.cupboard.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final boolean demo;
    private final long lockMinutes;

    /**
     * With the demo center loaded ({@code cupboard.demo.enabled}), the login page names its users.
     * The message for a locked login gives the configured lock duration in whole minutes.
     */
    LoginController(@Value("${cupboard.demo.enabled:false}") boolean demo,
                    @Value("${cupboard.security.login.lock-duration:15m}") Duration lockDuration) {
        this.demo = demo;
        this.lockMinutes = Math.max(1, (lockDuration.toSeconds() + 59) / 60);
    }

    @GetMapping("/login")
    String login(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("demo", demo);
        model.addAttribute("lockMinutes", lockMinutes);
        return user == null ? "login" : "redirect:" + user.role().homePath();
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return "redirect:" + user.role().homePath();
    }
}
