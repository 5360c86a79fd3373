package io.linia.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page sends each person to where their work is. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        boolean agent = has(authentication, "ROLE_AGENT_L1") || has(authentication, "ROLE_AGENT_L2")
                || has(authentication, "ROLE_TEAM_LEAD") || has(authentication, "ROLE_TRAINER");
        if (agent) {
            return "redirect:/agent";
        }
        if (has(authentication, "ROLE_ADMIN")) {
            return "redirect:/admin/users";
        }
        return "redirect:/portal";
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
