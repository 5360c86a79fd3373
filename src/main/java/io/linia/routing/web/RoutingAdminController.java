package io.linia.routing.web;

import io.linia.routing.CategoryCommand;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupCommand;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of second-line groups and ticket categories. */
@Controller
@RequestMapping("/admin")
class RoutingAdminController {

    private final RoutingDirectory directory;
    private final RoutingAdministration administration;
    private final Refusals refusals;

    RoutingAdminController(RoutingDirectory directory, RoutingAdministration administration, Refusals refusals) {
        this.directory = directory;
        this.administration = administration;
        this.refusals = refusals;
    }

    // ------------------------------------------------------------------ groups

    @GetMapping("/groups")
    String groups(Model model) {
        model.addAttribute("groups", directory.groups());
        return "routing/admin-groups";
    }

    @GetMapping("/groups/new")
    String newGroup(Model model) {
        return groupForm(model, new GroupCommand("", "", "", "", true), null, Map.of());
    }

    @GetMapping("/groups/{id}")
    String editGroup(@PathVariable long id, Model model) {
        GroupRef g = directory.group(id).orElseThrow(() -> DomainException.notFound("linia.error.groupNotFound", id));
        return groupForm(model, new GroupCommand(g.code(), g.nameRu(), g.nameEn(), g.description(), g.active()), id, Map.of());
    }

    @PostMapping({"/groups", "/groups/{id}"})
    String saveGroup(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") GroupCommand form,
                     BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return save(binding, redirect, response, "/admin/groups",
                () -> (id == null ? administration.createGroup(form) : administration.updateGroup(id, form)).nameRu(),
                errors -> groupForm(model, form, id, errors));
    }

    private String groupForm(Model model, GroupCommand form, Long id, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("itemId", id);
        model.addAttribute("errors", errors);
        return "routing/admin-group-form";
    }

    // ------------------------------------------------------------------ categories

    @GetMapping("/categories")
    String categories(Model model) {
        model.addAttribute("categories", directory.categories());
        model.addAttribute("groups", directory.groups());
        return "routing/admin-categories";
    }

    @GetMapping("/categories/new")
    String newCategory(Model model) {
        return categoryForm(model, new CategoryCommand("", "", "", null, true), null, Map.of());
    }

    @GetMapping("/categories/{id}")
    String editCategory(@PathVariable long id, Model model) {
        CategoryRef c = directory.category(id).orElseThrow(() -> DomainException.notFound("linia.error.categoryNotFound", id));
        return categoryForm(model, new CategoryCommand(c.code(), c.nameRu(), c.nameEn(), c.defaultGroupId(), c.active(), c.parentId()), id, Map.of());
    }

    @PostMapping({"/categories", "/categories/{id}"})
    String saveCategory(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") CategoryCommand form,
                        BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return save(binding, redirect, response, "/admin/categories",
                () -> (id == null ? administration.createCategory(form) : administration.updateCategory(id, form)).nameRu(),
                errors -> categoryForm(model, form, id, errors));
    }

    private String categoryForm(Model model, CategoryCommand form, Long id, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("itemId", id);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", directory.groups());
        model.addAttribute("parents", directory.categories().stream()
                .filter(c -> c.parentId() == null && !java.util.Objects.equals(c.id(), id)).toList());
        return "routing/admin-category-form";
    }

    // ------------------------------------------------------------------ shared

    private String save(BindingResult binding, RedirectAttributes redirect, HttpServletResponse response, String list,
                        Supplier<String> saving, java.util.function.Function<Map<String, String>, String> form) {
        Map<String, String> errors = refusals.fieldErrors(binding);
        if (errors.isEmpty()) {
            try {
                String name = saving.get();
                redirect.addFlashAttribute("success", refusals.text("admin.saved", name));
                return "redirect:" + list;
            } catch (DomainException e) {
                if (e.field() == null) {
                    throw e;
                }
                errors = refusals.fieldErrors(binding, e);
            }
        }
        response.setStatus(400);
        return form.apply(errors);
    }
}
