package io.cupboard.identity.web;

import io.cupboard.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(@AuthenticationPrincipal CurrentUser user) {
        return user == null ? "login" : "redirect:" + user.role().homePath();
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return "redirect:" + user.role().homePath();
    }
}
