package io.cupboard.dashboard.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class TeamDashboardController {

    @GetMapping("/team")
    String team() {
        return "dashboard/team";
    }
}
