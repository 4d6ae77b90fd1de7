package io.cupboard.cup.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class CupController {

    @GetMapping("/cup")
    String cup() {
        return "cup/cup";
    }
}
