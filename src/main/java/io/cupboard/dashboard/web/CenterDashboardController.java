package io.cupboard.dashboard.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class CenterDashboardController {

    @GetMapping("/center")
    String center() {
        return "dashboard/center";
    }
}
