package io.linia.automation.web;

import io.linia.accounts.Actor;
import io.linia.automation.RuleNotices;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** "My notices": what automation rules told the signed-in member of staff; a counter in the menu. */
@Controller
@RequestMapping("/agent/notices")
class NoticeController {

    private final RuleNotices notices;

    NoticeController(RuleNotices notices) {
        this.notices = notices;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("notices", notices.mine(actor, 100));
        return "automation/notices";
    }

    /** The menu's badge: the number of unread notices, or nothing. */
    @GetMapping(value = "/count", produces = "text/plain")
    @org.springframework.web.bind.annotation.ResponseBody
    String count(Actor actor) {
        long unread = notices.unread(actor);
        return unread == 0 ? "" : String.valueOf(unread);
    }

    @PostMapping("/{id}/read")
    String read(Actor actor, @PathVariable long id) {
        notices.markRead(actor, id);
        return "redirect:/agent/notices";
    }

    @PostMapping("/read")
    String readAll(Actor actor) {
        notices.markAllRead(actor);
        return "redirect:/agent/notices";
    }
}
