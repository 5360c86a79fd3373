package io.linia.knowledge.web;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.knowledge.ArticleCommand;
import io.linia.knowledge.ArticleDiff;
import io.linia.knowledge.ArticleFeedback;
import io.linia.knowledge.ArticleHit;
import io.linia.knowledge.ArticleSearch;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleVersionView;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.Audience;
import io.linia.knowledge.KnowledgeBase;
import io.linia.knowledge.SearchIndexStatus;
import io.linia.knowledge.internal.ArticleListing;
import io.linia.knowledge.internal.SearchIndexMaintenance;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge base for staff: list and search with filters, the article with its feedback and
 * versions, the editor (team leads and administrators), differences between versions, the search
 * index rebuild, and the team lead's feedback report.
 */
@Controller
@RequestMapping("/agent/kb")
class KnowledgeController {

    static final int LIST_LIMIT = 200;
    static final int SEARCH_LIMIT = 50;

    private final KnowledgeBase kb;
    private final ArticleFeedback feedback;
    private final ArticleListing listing;
    private final SearchIndexMaintenance index;
    private final RoutingDirectory routing;
    private final Validator validator;
    private final Refusals refusals;

    KnowledgeController(KnowledgeBase kb, ArticleFeedback feedback, ArticleListing listing, SearchIndexMaintenance index,
                        RoutingDirectory routing, Validator validator, Refusals refusals) {
        this.kb = kb;
        this.feedback = feedback;
        this.listing = listing;
        this.index = index;
        this.routing = routing;
        this.validator = validator;
        this.refusals = refusals;
    }

    @ModelAttribute
    void reference(Actor actor, Model model, Locale locale) {
        CategoryTree tree = new CategoryTree(routing, locale);
        model.addAttribute("categories", tree.byId());
        model.addAttribute("categoryNodes", tree.nodes());
        model.addAttribute("canEdit", KnowledgeBase.canEdit(actor));
        model.addAttribute("canReport", actor.has(Role.TEAM_LEAD) || actor.has(Role.ADMIN));
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("statuses", ArticleStatus.values());
    }

    // ------------------------------------------------------------------ list and search

    @GetMapping
    String list(Actor actor, Model model, Locale locale,
                @RequestParam(required = false) String q, @RequestParam(required = false) String category,
                @RequestParam(required = false) String audience, @RequestParam(required = false) String language,
                @RequestParam(required = false) String status) {
        Long categoryId = parseLong(category);
        Audience a = parseEnum(Audience.class, audience);
        ArticleStatus s = parseEnum(ArticleStatus.class, status);
        String lang = "ru".equals(language) || "en".equals(language) ? language : null;
        String text = q == null ? "" : q.strip();
        model.addAttribute("q", text);
        model.addAttribute("categoryFilter", categoryId);
        model.addAttribute("audienceFilter", a);
        model.addAttribute("languageFilter", lang);
        model.addAttribute("statusFilter", s);
        if (!text.isEmpty()) {
            List<ArticleHit> hits = kb.search(actor, new ArticleSearch(text, categoryId, a, lang, s, SEARCH_LIMIT));
            model.addAttribute("hits", hits);
        } else {
            List<Long> ids = new CategoryTree(routing, locale).withChildren(categoryId);
            model.addAttribute("rows", listing.list(s, a, lang, ids, false, LIST_LIMIT));
            model.addAttribute("listLimit", LIST_LIMIT);
        }
        return "knowledge/kb-list";
    }

    // ------------------------------------------------------------------ the article

    @GetMapping("/articles/{id}")
    String article(Actor actor, @PathVariable long id, Model model) {
        return articlePage(actor, id, model, null, Map.of());
    }

    private String articlePage(Actor actor, long id, Model model, String reason, Map<String, String> errors) {
        ArticleView article = kb.get(actor, id);
        model.addAttribute("a", article);
        model.addAttribute("counts", feedback.counts(id));
        model.addAttribute("flags", feedback.flags(actor, id).stream().filter(f -> f.open()).toList());
        model.addAttribute("comments", feedback.comments(actor, id, 10));
        model.addAttribute("versions", kb.versions(actor, id));
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "knowledge/kb-article";
    }

    @PostMapping("/articles/{id}/flag")
    String flag(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        try {
            feedback.flagOutdated(actor, id, reason);
            redirect.addFlashAttribute("success", refusals.text("kbp.flagged"));
            return "redirect:/agent/kb/articles/" + id;
        } catch (DomainException e) {
            if (e.field() == null) {
                throw e;
            }
            response.setStatus(400);
            return articlePage(actor, id, model, reason, Map.of(e.field(), refusals.explain(e)));
        }
    }

    // ------------------------------------------------------------------ the editor

    @GetMapping("/new")
    String newArticle(Actor actor, Model model) {
        requireEditor(actor);
        return form(model, new ArticleForm(), null, Map.of());
    }

    @PostMapping("/new")
    String create(Actor actor, @ModelAttribute("form") ArticleForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        requireEditor(actor);
        form.setVersion(null);
        Map<String, String> errors = new LinkedHashMap<>();
        ArticleCommand command = form.toCommand(errors, refusals.text("linia.validation.format"));
        validate(command, errors);
        if (errors.isEmpty()) {
            try {
                ArticleView created = kb.create(actor, command);
                redirect.addFlashAttribute("success", refusals.text("kbp.created", created.title()));
                return "redirect:/agent/kb/articles/" + created.id();
            } catch (DomainException e) {
                if (e.field() == null) {
                    throw e;
                }
                errors.put(e.field(), refusals.explain(e));
            }
        }
        response.setStatus(400);
        return form(model, form, null, errors);
    }

    @GetMapping("/articles/{id}/edit")
    String edit(Actor actor, @PathVariable long id, Model model) {
        requireEditor(actor);
        ArticleView article = kb.get(actor, id);
        return form(model, ArticleForm.of(article), article, Map.of());
    }

    @PostMapping("/articles/{id}/edit")
    String update(Actor actor, @PathVariable long id, @ModelAttribute("form") ArticleForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requireEditor(actor);
        ArticleView current = kb.get(actor, id);
        Map<String, String> errors = new LinkedHashMap<>();
        if (binding.hasFieldErrors("version") || form.getVersion() == null) {
            // a form without the version it was made from cannot be checked for a concurrent change
            form.setVersion(-1L);
        }
        ArticleCommand command = form.toCommand(errors, refusals.text("linia.validation.format"));
        validate(command, errors);
        if (errors.isEmpty()) {
            try {
                ArticleView saved = kb.update(actor, id, command);
                redirect.addFlashAttribute("success", refusals.text("kbp.saved", saved.title(), saved.revision()));
                return "redirect:/agent/kb/articles/" + id;
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.CONFLICT) {
                    // keep what the editor typed; the next save knowingly replaces the newer revision
                    response.setStatus(409);
                    model.addAttribute("problem", refusals.explain(e));
                    model.addAttribute("stale", true);
                    form.setVersion(current.version());
                    return form(model, form, current, errors);
                }
                if (e.field() == null) {
                    throw e;
                }
                errors.put(e.field(), refusals.explain(e));
            }
        }
        response.setStatus(400);
        return form(model, form, current, errors);
    }

    private String form(Model model, ArticleForm form, ArticleView article, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("article", article);
        model.addAttribute("errors", errors);
        return "knowledge/kb-form";
    }

    private void validate(ArticleCommand command, Map<String, String> errors) {
        for (ConstraintViolation<ArticleCommand> v : validator.validate(command)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
    }

    // ------------------------------------------------------------------ versions

    @GetMapping("/articles/{id}/versions")
    String versions(Actor actor, @PathVariable long id, Model model, @RequestParam(required = false) Integer from,
                    @RequestParam(required = false) Integer to, @RequestParam(defaultValue = "split") String view) {
        ArticleView article = kb.get(actor, id);
        List<ArticleVersionView> versions = kb.versions(actor, id);
        int latest = versions.get(0).revision();
        int right = to == null ? latest : to;
        int left = from == null ? Math.max(1, right - 1) : from;
        model.addAttribute("a", article);
        model.addAttribute("versions", versions);
        model.addAttribute("from", Math.min(left, right));
        model.addAttribute("to", Math.max(left, right));
        model.addAttribute("view", "unified".equals(view) ? "unified" : "split");
        if (left != right) {
            ArticleDiff diff = kb.diff(actor, id, left, right);
            model.addAttribute("diff", diff);
            model.addAttribute("rows", sideBySide(diff.lines()));
            model.addAttribute("changed", diff.lines().stream().filter(l -> l.kind() != ArticleDiff.Kind.SAME).count());
        } else {
            kb.version(actor, id, left);
        }
        return "knowledge/kb-versions";
    }

    /** A row of the side-by-side view: the old line on the left, the new one on the right (either may be absent). */
    record SplitRow(ArticleDiff.Line left, ArticleDiff.Line right) {
    }

    /** Pairs each block of removed lines with the added lines that follow it, so a changed line sits beside its new form. */
    static List<SplitRow> sideBySide(List<ArticleDiff.Line> lines) {
        List<SplitRow> rows = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            ArticleDiff.Line line = lines.get(i);
            if (line.kind() == ArticleDiff.Kind.SAME) {
                rows.add(new SplitRow(line, line));
                i++;
                continue;
            }
            List<ArticleDiff.Line> removed = new ArrayList<>();
            List<ArticleDiff.Line> added = new ArrayList<>();
            while (i < lines.size() && lines.get(i).kind() == ArticleDiff.Kind.REMOVED) {
                removed.add(lines.get(i++));
            }
            while (i < lines.size() && lines.get(i).kind() == ArticleDiff.Kind.ADDED) {
                added.add(lines.get(i++));
            }
            for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
                rows.add(new SplitRow(k < removed.size() ? removed.get(k) : null, k < added.size() ? added.get(k) : null));
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ the search index

    @PostMapping("/index/rebuild")
    String rebuild(Actor actor, RedirectAttributes redirect) {
        requireEditor(actor);
        boolean started = index.rebuild();
        redirect.addFlashAttribute(started ? "success" : "problem",
                refusals.text(started ? "kbp.index.started" : "kbp.index.alreadyRunning"));
        return "redirect:/agent/kb/index";
    }

    @GetMapping("/index")
    String indexPage(Actor actor, Model model) {
        model.addAttribute("status", index.status());
        return "knowledge/kb-index";
    }

    /** Polled every second by the index page while a rebuild runs; it stops polling once it has finished. */
    @GetMapping("/index/status")
    String indexStatus(Model model) {
        SearchIndexStatus status = index.status();
        model.addAttribute("status", status);
        return "knowledge/kb-index :: status";
    }

    // ------------------------------------------------------------------ feedback report

    @GetMapping("/feedback")
    String report(Actor actor, Model model, @RequestParam(required = false) String minVotes,
                  HttpServletResponse response) {
        Integer min = null;
        if (minVotes != null && !minVotes.isBlank()) {
            min = parseInt(minVotes);
            if (min == null || min < 1) {
                response.setStatus(400);
                model.addAttribute("minVotesError", refusals.text("kbp.refusal.minVotes"));
                model.addAttribute("minVotesTyped", minVotes);
                min = null;
            }
        }
        model.addAttribute("report", feedback.report(actor, min));
        return "knowledge/kb-feedback";
    }

    @PostMapping("/flags/{flagId}/resolve")
    String resolve(Actor actor, @PathVariable long flagId, @RequestParam(required = false) String back,
                   RedirectAttributes redirect) {
        var flag = feedback.resolveFlag(actor, flagId);
        redirect.addFlashAttribute("success", refusals.text("kbp.flagResolved", flag.articleTitle()));
        // only back to a page of the knowledge base: never an address from outside
        return back != null && back.matches("/agent/kb(/[A-Za-z0-9/_-]*)?")
                ? "redirect:" + back : "redirect:/agent/kb/feedback";
    }

    // ------------------------------------------------------------------ helpers

    private static void requireEditor(Actor actor) {
        if (!KnowledgeBase.canEdit(actor)) {
            throw DomainException.forbidden("linia.refusal.kbEditorsOnly");
        }
    }

    static Long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer parseInt(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
