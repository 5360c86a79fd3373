package io.linia.accounts.web;

import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserCommand;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of users: roles, second-line groups, passwords, disabling. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final UserAdministration administration;
    private final UserDirectory directory;
    private final RoutingDirectory routing;
    private final Refusals refusals;

    UserAdminController(UserAdministration administration, UserDirectory directory, RoutingDirectory routing,
                        Refusals refusals) {
        this.administration = administration;
        this.directory = directory;
        this.routing = routing;
        this.refusals = refusals;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", administration.users());
        model.addAttribute("groups", routing.groups());
        return "accounts/admin-users";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, new UserCommand("", "", "", "", Set.of(Role.AGENT_L1), Set.of(), "ru", true), null);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        UserRef u = directory.user(id).orElseThrow(() -> DomainException.notFound("linia.error.userNotFound", id));
        return form(model, new UserCommand(u.login(), u.email(), u.displayName(), "", u.roles(), u.groupIds(), u.locale(),
                u.enabled()), id);
    }

    @PostMapping
    String saveNew(@Valid @ModelAttribute("form") UserCommand form, BindingResult binding, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        return save(null, form, binding, model, redirect, response);
    }

    @PostMapping("/{id}")
    String saveExisting(@PathVariable long id, @Valid @ModelAttribute("form") UserCommand form, BindingResult binding,
                        Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return save(id, form, binding, model, redirect, response);
    }

    private String save(Long id, UserCommand form, BindingResult binding, Model model, RedirectAttributes redirect,
                        HttpServletResponse response) {
        Map<String, String> errors = refusals.fieldErrors(binding);
        if (errors.isEmpty()) {
            try {
                UserRef saved = id == null ? administration.createUser(form) : administration.updateUser(id, form);
                redirect.addFlashAttribute("success", refusals.text("admin.saved", saved.displayName()));
                return "redirect:/admin/users";
            } catch (DomainException e) {
                if (e.field() == null) {
                    throw e;
                }
                errors = refusals.fieldErrors(binding, e);
            }
        }
        response.setStatus(400);
        model.addAttribute("errors", errors);
        return form(model, form, id);
    }

    private String form(Model model, UserCommand form, Long id) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("userId", id);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("roles", Role.values());
        model.addAttribute("groups", routing.groups());
        return "accounts/admin-user-form";
    }
}
