package io.linia.knowledge.web;

import io.linia.accounts.Actor;
import io.linia.knowledge.ArticleFeedback;
import io.linia.knowledge.ArticleHit;
import io.linia.knowledge.ArticleSearch;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleSuggestions;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.Audience;
import io.linia.knowledge.KnowledgeBase;
import io.linia.knowledge.internal.ArticleListing;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public help portal: search, sections and sub-sections with their public published articles,
 * the article with "did it help?", and the self-service panel of the new-request form. No sign-in
 * needed; a signed-in person (the request attribute {@code me}) votes and deflects under their id.
 */
@Controller
@RequestMapping("/help")
class HelpController {

    static final String VISITOR_COOKIE = "linia_visitor";
    static final int MAX_QUERY = 1000;
    static final int SECTION_LIMIT = 500;

    private final KnowledgeBase kb;
    private final ArticleSuggestions suggestions;
    private final ArticleFeedback feedback;
    private final ArticleListing listing;
    private final RoutingDirectory routing;
    private final Refusals refusals;

    HelpController(KnowledgeBase kb, ArticleSuggestions suggestions, ArticleFeedback feedback, ArticleListing listing,
                   RoutingDirectory routing, Refusals refusals) {
        this.kb = kb;
        this.suggestions = suggestions;
        this.feedback = feedback;
        this.listing = listing;
        this.routing = routing;
        this.refusals = refusals;
    }

    /** A section of the portal's front page: its own article count and its sub-sections with theirs. */
    record Section(CategoryRef category, long count, List<Sub> subs) {

        public long total() {
            return count + subs.stream().mapToLong(Sub::count).sum();
        }
    }

    record Sub(CategoryRef category, long count) {
    }

    /** A sub-section of a section page with its articles. */
    record Shelf(CategoryRef category, List<ArticleListing.Row> articles) {
    }

    @GetMapping
    String home(@RequestParam(required = false) String q, Model model, Locale locale) {
        String text = clip(q);
        model.addAttribute("q", text);
        if (!text.isEmpty()) {
            // visitors (null) see only public published articles, whoever is signed in
            List<ArticleHit> hits = kb.search(null, new ArticleSearch(text, null, Audience.PUBLIC, null,
                    ArticleStatus.PUBLISHED, 30));
            model.addAttribute("hits", hits);
        }
        CategoryTree tree = new CategoryTree(routing, locale);
        Map<Long, Long> counts = listing.publicCountsByCategory();
        List<Section> sections = new ArrayList<>();
        for (CategoryRef s : tree.sections()) {
            List<Sub> subs = tree.children(s.id()).stream().map(c -> new Sub(c, counts.getOrDefault(c.id(), 0L)))
                    .filter(c -> c.count() > 0).toList();
            Section section = new Section(s, counts.getOrDefault(s.id(), 0L), subs);
            if (section.total() > 0) {
                sections.add(section);
            }
        }
        model.addAttribute("sections", sections);
        model.addAttribute("uncategorised", counts.getOrDefault(null, 0L) > 0
                ? listing.list(ArticleStatus.PUBLISHED, Audience.PUBLIC, null, List.of(), true, SECTION_LIMIT) : List.of());
        model.addAttribute("categories", tree.byId());
        return "knowledge/help-index";
    }

    @GetMapping("/sections/{id}")
    String section(@PathVariable long id, Model model, Locale locale) {
        CategoryTree tree = new CategoryTree(routing, locale);
        CategoryRef category = tree.get(id).orElseThrow(() -> DomainException.notFound("kbp.error.sectionNotFound", id));
        CategoryRef section = category.parentId() == null ? category : tree.get(category.parentId()).orElse(category);
        List<Shelf> shelves = new ArrayList<>();
        List<ArticleListing.Row> own = publicArticles(List.of(section.id()));
        if (!own.isEmpty()) {
            shelves.add(new Shelf(section, own));
        }
        for (CategoryRef sub : tree.children(section.id())) {
            List<ArticleListing.Row> rows = publicArticles(List.of(sub.id()));
            if (!rows.isEmpty()) {
                shelves.add(new Shelf(sub, rows));
            }
        }
        model.addAttribute("section", section);
        model.addAttribute("current", category);
        model.addAttribute("shelves", shelves);
        return "knowledge/help-section";
    }

    private List<ArticleListing.Row> publicArticles(List<Long> categoryIds) {
        List<ArticleListing.Row> rows = new ArrayList<>(listing.list(ArticleStatus.PUBLISHED, Audience.PUBLIC, null,
                categoryIds, false, SECTION_LIMIT));
        rows.sort((a, b) -> a.title().compareToIgnoreCase(b.title()));
        return rows;
    }

    // ------------------------------------------------------------------ the article

    @GetMapping("/articles/{id}")
    String article(@PathVariable long id, @RequestAttribute(name = "me", required = false) Actor me,
                   HttpServletRequest request, Model model, Locale locale) {
        ArticleView article = kb.get(null, id);
        model.addAttribute("a", article);
        new CategoryTree(routing, locale).get(article.categoryId()).ifPresent(c -> {
            model.addAttribute("category", c);
            model.addAttribute("section", c.parentId() == null ? c : routing.category(c.parentId()).orElse(c));
        });
        model.addAttribute("myVote", existingVoter(me, request).flatMap(v -> feedback.voteOf(v, id)).orElse(null));
        return "knowledge/help-article";
    }

    @PostMapping("/articles/{id}/vote")
    String vote(@PathVariable long id, @RequestParam(required = false) String helpful,
                @RequestParam(required = false) String comment, @RequestAttribute(name = "me", required = false) Actor me,
                HttpServletRequest request, HttpServletResponse response, Model model, Locale locale,
                RedirectAttributes redirect) {
        if (!"true".equals(helpful) && !"false".equals(helpful)) {
            throw DomainException.invalid("helpful", "kbp.refusal.helpful");
        }
        try {
            feedback.vote(voter(me, request, response), id, Boolean.parseBoolean(helpful), comment);
        } catch (DomainException e) {
            if (!"comment".equals(e.field())) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("commentError", refusals.explain(e));
            model.addAttribute("comment", comment);
            return article(id, me, request, model, locale);
        }
        redirect.addFlashAttribute("success", refusals.text("kbp.help.thanksForVote"));
        return "redirect:/help/articles/" + id + "#feedback";
    }

    // ------------------------------------------------------------------ self-service

    /** The panel of the new-request form: public articles matching what the customer has typed so far. */
    @GetMapping("/suggest")
    String suggest(@RequestParam(required = false) String subject, @RequestParam(required = false) String body,
                   Model model) {
        String s = clip(subject);
        String b = body == null ? "" : body.length() > 4000 ? body.substring(0, 4000) : body;
        boolean typed = !s.isBlank() || !b.isBlank();
        model.addAttribute("typed", typed);
        model.addAttribute("subject", s);
        model.addAttribute("hits", typed ? suggestions.forText(s, b, true, ArticleSuggestions.FOR_CUSTOMERS) : List.of());
        return "knowledge/help-suggest :: panel";
    }

    /** An article read in place inside the panel. */
    @GetMapping("/articles/{id}/inline")
    String inline(@PathVariable long id, Model model) {
        model.addAttribute("a", kb.get(null, id));
        return "knowledge/help-suggest :: inline";
    }

    /** "This solved my problem": the article is credited, no request is created. */
    @PostMapping("/articles/{id}/solved")
    String solved(@PathVariable long id, @RequestParam(required = false) String query,
                  @RequestAttribute(name = "me", required = false) Actor me) {
        feedback.recordDeflection(id, me == null ? null : me.id(), clip(query));
        return "redirect:/help/thanks?article=" + id;
    }

    @GetMapping("/thanks")
    String thanks(@RequestParam(required = false) String article, Model model) {
        Long id = KnowledgeController.parseLong(article);
        if (id != null) {
            try {
                model.addAttribute("a", kb.get(null, id));
            } catch (DomainException e) {
                // the page thanks anyway; the article may have been withdrawn meanwhile
            }
        }
        return "knowledge/help-thanks";
    }

    // ------------------------------------------------------------------ voters

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        return t.length() > MAX_QUERY ? t.substring(0, MAX_QUERY) : t;
    }

    /** The voter key of this reader, if they have one already (no cookie is set by reading). */
    private static Optional<String> existingVoter(Actor me, HttpServletRequest request) {
        if (me != null) {
            return Optional.of(ArticleFeedback.voterOf(me.id()));
        }
        return visitorCookie(request).map(ArticleFeedback::visitorVoter);
    }

    /** The voter key: the user's id when signed in, else the visitor's random id (set now if missing). */
    private static String voter(Actor me, HttpServletRequest request, HttpServletResponse response) {
        if (me != null) {
            return ArticleFeedback.voterOf(me.id());
        }
        String id = visitorCookie(request).orElseGet(() -> {
            String fresh = UUID.randomUUID().toString();
            ResponseCookie cookie = ResponseCookie.from(VISITOR_COOKIE, fresh).path("/help").httpOnly(true)
                    .sameSite("Lax").secure(request.isSecure()).maxAge(Duration.ofDays(365)).build();
            response.addHeader("Set-Cookie", cookie.toString());
            return fresh;
        });
        return ArticleFeedback.visitorVoter(id);
    }

    private static Optional<String> visitorCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(c -> VISITOR_COOKIE.equals(c.getName()) && ArticleFeedback.validVisitorId(c.getValue()))
                .map(Cookie::getValue).findFirst();
    }
}
