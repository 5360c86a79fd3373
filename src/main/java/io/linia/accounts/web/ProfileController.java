package io.linia.accounts.web;

import io.linia.accounts.Actor;
import io.linia.accounts.IssuedToken;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's own page: language and API tokens. */
@Controller
@RequestMapping("/profile")
class ProfileController {

    private final UserAdministration administration;
    private final UserDirectory directory;
    private final LocaleResolver localeResolver;
    private final Refusals refusals;

    ProfileController(UserAdministration administration, UserDirectory directory, LocaleResolver localeResolver,
                      Refusals refusals) {
        this.administration = administration;
        this.directory = directory;
        this.localeResolver = localeResolver;
        this.refusals = refusals;
    }

    @GetMapping
    String profile(Actor actor, Model model) {
        model.addAttribute("user", directory.user(actor.id()).orElseThrow());
        model.addAttribute("tokens", administration.tokens(actor.id()));
        return "accounts/profile";
    }

    @PostMapping("/locale")
    String locale(Actor actor, @RequestParam String locale, HttpServletRequest request, HttpServletResponse response,
                  RedirectAttributes redirect) {
        administration.changeLocale(actor.id(), locale);
        localeResolver.setLocale(request, response, Locale.forLanguageTag(locale));
        return "redirect:/profile";
    }

    @PostMapping("/tokens")
    String issue(Actor actor, @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect,
                 HttpServletResponse response) {
        try {
            IssuedToken token = administration.issueToken(actor.id(), name);
            redirect.addFlashAttribute("issued", token);
            return "redirect:/profile";
        } catch (DomainException e) {
            response.setStatus(400);
            model.addAttribute("tokenError", refusals.explain(e));
            return profile(actor, model);
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        administration.revokeToken(actor.id(), id);
        redirect.addFlashAttribute("success", refusals.text("profile.tokenRevoked"));
        return "redirect:/profile";
    }
}
