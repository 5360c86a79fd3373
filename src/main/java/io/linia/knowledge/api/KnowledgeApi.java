package io.linia.knowledge.api;

import io.linia.accounts.Actor;
import io.linia.knowledge.ArticleCommand;
import io.linia.knowledge.ArticleDiff;
import io.linia.knowledge.ArticleHit;
import io.linia.knowledge.ArticlePage;
import io.linia.knowledge.ArticleSearch;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleSuggestions;
import io.linia.knowledge.ArticleTransfer;
import io.linia.knowledge.ArticleVersionView;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.Audience;
import io.linia.knowledge.KnowledgeBase;
import io.linia.knowledge.SearchIndexStatus;
import io.linia.knowledge.internal.SearchIndexMaintenance;
import io.linia.shared.CleanText;
import io.linia.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The knowledge base over REST: articles (staff read all; editors — team leads and administrators —
 * write), versions and their differences, search, suggestions for a text or a ticket, import and
 * export of the whole base, and the search index. Under {@code /api/v1/kb/public/} the same reading
 * for anyone, limited to public published articles.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Knowledge base")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
class KnowledgeApi {

    private final KnowledgeBase kb;
    private final ArticleSuggestions suggestions;
    private final ArticleTransfer transfer;
    private final SearchIndexMaintenance index;

    KnowledgeApi(KnowledgeBase kb, ArticleSuggestions suggestions, ArticleTransfer transfer, SearchIndexMaintenance index) {
        this.kb = kb;
        this.suggestions = suggestions;
        this.transfer = transfer;
        this.index = index;
    }

    /** The text to suggest articles for: a ticket's subject and body, or what a customer is typing. */
    record SuggestionRequest(@Size(max = 255) @CleanText String subject, @CleanText(maxBytes = 65536) String body) {
    }

    // ------------------------------------------------------------------ articles

    @GetMapping("/kb/articles")
    @Operation(summary = "Articles in id order, paged by keyset (customers: public published ones only)")
    ArticlePage list(Actor actor,
                     @RequestParam(required = false) ArticleStatus status,
                     @RequestParam(required = false) Audience audience,
                     @RequestParam(required = false) Long category,
                     @RequestParam(required = false) @Parameter(description = "nextAfter of the previous page") Long after,
                     @RequestParam(defaultValue = "50") int limit) {
        return kb.list(actor, status, audience, category, after, limit);
    }

    @PostMapping("/kb/articles")
    @Operation(summary = "Editors: write an article (its first version)")
    ResponseEntity<ArticleView> create(Actor actor, @Valid @RequestBody ArticleCommand body) {
        ArticleView created = kb.create(actor, body);
        return ResponseEntity.created(URI.create("/api/v1/kb/articles/" + created.id())).body(created);
    }

    @GetMapping("/kb/articles/{id}")
    @Operation(summary = "One article (customers: public published only; otherwise 404)")
    ArticleView get(Actor actor, @PathVariable long id) {
        return kb.get(actor, id);
    }

    @PutMapping("/kb/articles/{id}")
    @Operation(summary = "Editors: save a new version; send the version you read — a stale one answers 409")
    ArticleView update(Actor actor, @PathVariable long id, @Valid @RequestBody ArticleCommand body) {
        if (body.version() == null) {
            throw DomainException.invalid("version", "linia.validation.required");
        }
        return kb.update(actor, id, body);
    }

    @GetMapping("/kb/articles/{id}/versions")
    @Operation(summary = "Staff: every saved version, newest first")
    List<ArticleVersionView> versions(Actor actor, @PathVariable long id) {
        return kb.versions(actor, id);
    }

    @GetMapping("/kb/articles/{id}/versions/{revision}")
    @Operation(summary = "Staff: one saved version")
    ArticleVersionView version(Actor actor, @PathVariable long id, @PathVariable int revision) {
        return kb.version(actor, id, revision);
    }

    @GetMapping("/kb/articles/{id}/diff")
    @Operation(summary = "Staff: line-by-line difference between two versions")
    ArticleDiff diff(Actor actor, @PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return kb.diff(actor, id, from, to);
    }

    // ------------------------------------------------------------------ search and suggestions

    @GetMapping("/kb/search")
    @Operation(summary = "Full-text search (Russian and English); staff find published articles of both audiences "
            + "unless status says otherwise, customers public published ones")
    List<ArticleHit> search(Actor actor, @RequestParam String q,
                            @RequestParam(required = false) Long category,
                            @RequestParam(required = false) Audience audience,
                            @RequestParam(required = false) String language,
                            @RequestParam(required = false) ArticleStatus status,
                            @RequestParam(defaultValue = "20") int limit) {
        return kb.search(actor, new ArticleSearch(q, category, audience, language(language), status, limit));
    }

    @GetMapping("/kb/public/search")
    @Operation(summary = "Anyone: search public published articles")
    @SecurityRequirements
    List<ArticleHit> publicSearch(@RequestParam String q,
                                  @RequestParam(required = false) Long category,
                                  @RequestParam(required = false) String language,
                                  @RequestParam(defaultValue = "20") int limit) {
        return kb.search(null, new ArticleSearch(q, category, null, language(language), null, limit));
    }

    @GetMapping("/kb/public/articles/{id}")
    @Operation(summary = "Anyone: one public published article (404 for any other)")
    @SecurityRequirements
    ArticleView publicArticle(@PathVariable long id) {
        return kb.get(null, id);
    }

    @PostMapping("/kb/suggestions")
    @Operation(summary = "Staff: the top articles (public and internal) for a subject and body")
    List<ArticleHit> suggest(Actor actor, @Valid @RequestBody SuggestionRequest body) {
        if (!actor.isStaff()) {
            throw DomainException.forbidden("kbTransfer.refusal.staffOnly");
        }
        return suggestions.forText(body.subject(), body.body(), false, ArticleSuggestions.FOR_AGENTS);
    }

    @PostMapping("/kb/public/suggestions")
    @Operation(summary = "Anyone: the top public articles for what a customer is typing")
    @SecurityRequirements
    List<ArticleHit> publicSuggest(@Valid @RequestBody SuggestionRequest body) {
        return suggestions.forText(body.subject(), body.body(), true, ArticleSuggestions.FOR_CUSTOMERS);
    }

    @GetMapping("/tickets/{number}/suggestions")
    @Operation(summary = "The top 5 articles for a ticket the caller may see (404 otherwise)", tags = {"Tickets", "Knowledge base"})
    List<ArticleHit> forTicket(Actor actor, @PathVariable String number) {
        return suggestions.forTicket(actor, number);
    }

    // ------------------------------------------------------------------ import and export

    @PostMapping(value = "/kb/import")
    @Operation(summary = "Editors: import a CSV or a zip of Markdown files (multipart part \"file\" or the raw body). "
            + "All or nothing: a bad file answers 400 with the line (and, in a zip, the entry) of the first problem "
            + "and errors[] with up to 20")
    ResponseEntity<ArticleTransfer.Summary> importFile(Actor actor, HttpServletRequest request,
            @RequestParam(defaultValue = "csv") @Parameter(description = "csv or zip") String format,
            @RequestParam(required = false) @Parameter(description = "preset column names: default or rutube") String preset,
            @RequestParam(required = false) String title, @RequestParam(required = false) String body,
            @RequestParam(required = false) String category, @RequestParam(required = false) String subcategory,
            @RequestParam(required = false) String audience, @RequestParam(required = false) String tags,
            @RequestParam(required = false) String language, @RequestParam(required = false) String status) throws IOException {
        ArticleTransfer.Format f = ArticleTransfer.Format.of(format);
        ArticleTransfer.Columns base = "rutube".equalsIgnoreCase(preset) ? ArticleTransfer.Columns.rutube() : ArticleTransfer.Columns.defaults();
        ArticleTransfer.Columns columns = new ArticleTransfer.Columns(or(title, base.title()), or(body, base.body()),
                or(category, base.category()), or(subcategory, base.subcategory()), or(audience, base.audience()),
                or(tags, base.tags()), or(language, base.language()), or(status, base.status()));
        byte[] data = transfer.readUpload(upload(request));
        ArticleTransfer.Summary summary = transfer.importFile(actor, f, data, columns);
        return ResponseEntity.status(HttpStatus.CREATED).body(summary);
    }

    @GetMapping("/kb/export")
    @Operation(summary = "Staff: the whole base as CSV (title, body, category, audience, tags, language, status) "
            + "or as a zip of Markdown files with front matter")
    void export(Actor actor, @RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        ArticleTransfer.Format f = ArticleTransfer.Format.of(format);
        if (!actor.isStaff()) {
            throw DomainException.forbidden("kbTransfer.refusal.staffOnly");
        }
        response.setContentType(f.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(transfer.fileName(f)).build().toString());
        if (f == ArticleTransfer.Format.ZIP) {
            transfer.exportZip(actor, response.getOutputStream());
        } else {
            transfer.exportCsv(actor, response.getOutputStream());
        }
    }

    // ------------------------------------------------------------------ search index

    @PostMapping("/kb/index/rebuild")
    @Operation(summary = "Editors: rebuild the search index from the database in the background (202 with its status)")
    ResponseEntity<SearchIndexStatus> rebuild(Actor actor) {
        if (!KnowledgeBase.canEdit(actor)) {
            throw DomainException.forbidden("linia.refusal.kbEditorsOnly");
        }
        index.rebuild();
        return ResponseEntity.accepted().body(index.status());
    }

    @GetMapping("/kb/index")
    @Operation(summary = "Staff: where the search index stands (documents, a rebuild's progress)")
    SearchIndexStatus indexStatus(Actor actor) {
        if (!actor.isStaff()) {
            throw DomainException.forbidden("kbTransfer.refusal.staffOnly");
        }
        return index.status();
    }

    // ------------------------------------------------------------------ helpers

    private static String or(String given, String preset) {
        return given == null ? preset : given;
    }

    private static String language(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        if (!language.equals("ru") && !language.equals("en")) {
            throw DomainException.invalid("language", "linia.validation.locale");
        }
        return language;
    }

    /** The multipart part "file" (or the only part), else the raw body. */
    private static InputStream upload(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            try {
                Part part = request.getPart("file");
                if (part == null && request.getParts().size() == 1) {
                    part = request.getParts().iterator().next();
                }
                if (part == null) {
                    throw DomainException.invalid("file", "kbTransfer.error.noFile");
                }
                return part.getInputStream();
            } catch (jakarta.servlet.ServletException e) {
                throw DomainException.invalid("file", "kbTransfer.error.unreadable");
            }
        }
        return request.getInputStream();
    }
}
