package io.linia.accounts.web;

import io.linia.accounts.Registration;
import io.linia.accounts.UserAdministration;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in page and the customers' sign-up. */
@Controller
class SignInController {

    private final UserAdministration users;
    private final Refusals refusals;

    SignInController(UserAdministration users, Refusals refusals) {
        this.users = users;
        this.refusals = refusals;
    }

    @GetMapping("/login")
    String login() {
        return "accounts/login";
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("form", new Registration("", "", "", ""));
        model.addAttribute("errors", Map.of());
        return "accounts/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") Registration form, BindingResult binding, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> errors = refusals.fieldErrors(binding);
        if (errors.isEmpty()) {
            try {
                users.register(form);
                redirect.addFlashAttribute("success", refusals.text("register.done"));
                return "redirect:/login";
            } catch (DomainException e) {
                if (e.field() == null) {
                    throw e;
                }
                errors = refusals.fieldErrors(binding, e);
            }
        }
        response.setStatus(400);
        model.addAttribute("errors", errors);
        return "accounts/register";
    }
}
