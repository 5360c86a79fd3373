package io.linia.knowledge;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.knowledge.internal.Article;
import io.linia.knowledge.internal.ArticleIndex;
import io.linia.knowledge.internal.ArticleRepository;
import io.linia.knowledge.internal.ArticleVersion;
import io.linia.knowledge.internal.ArticleVersionRepository;
import io.linia.knowledge.internal.MarkdownRenderer;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles of the knowledge base: writing (team leads and administrators), reading (staff read all;
 * customers and visitors read public published ones), versions and their differences, search.
 * An article a reader may not see is reported as not found.
 */
@Service
@Transactional
public class KnowledgeBase {

    private final ArticleRepository articles;
    private final ArticleVersionRepository versions;
    private final ArticleIndex index;
    private final MarkdownRenderer markdown;
    private final RoutingDirectory routing;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    KnowledgeBase(ArticleRepository articles, ArticleVersionRepository versions, ArticleIndex index,
                  MarkdownRenderer markdown, RoutingDirectory routing, Clock clock,
                  org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.articles = articles;
        this.versions = versions;
        this.index = index;
        this.markdown = markdown;
        this.routing = routing;
        this.clock = clock;
    }

    public static boolean canEdit(Actor actor) {
        return actor != null && (actor.has(Role.ADMIN) || actor.has(Role.TEAM_LEAD));
    }

    // ---------------------------------------------------------------- writing

    public ArticleView create(Actor actor, ArticleCommand command) {
        requireEditor(actor);
        requireCategory(command.categoryId());
        Instant now = clock.instant();
        Article article = articles.save(Article.write(command, actor, now));
        versions.save(new ArticleVersion(article, command.changeNote(), now));
        return toView(article);
    }

    public ArticleView update(Actor actor, long id, ArticleCommand command) {
        requireEditor(actor);
        Article article = articles.findById(id).orElseThrow(() -> notFound(id));
        if (command.version() != null && command.version() != article.version()) {
            throw DomainException.conflict("linia.refusal.articleStale", id)
                    .with("currentVersion", article.version()).with("currentRevision", article.revision());
        }
        requireCategory(command.categoryId());
        Instant now = clock.instant();
        article.apply(command, actor, now);
        articles.flush();
        versions.save(new ArticleVersion(article, command.changeNote(), now));
        return toView(article);
    }

    /** Many articles in one transaction (an import): all or none. Returns them in order. */
    public List<ArticleView> createAll(Actor actor, List<ArticleCommand> commands) {
        requireEditor(actor);
        List<ArticleView> out = new ArrayList<>(commands.size());
        for (ArticleCommand c : commands) {
            out.add(create(actor, c));
        }
        events.publishEvent(new ArticlesAdded(out.size()));
        return out;
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public ArticleView get(Actor viewer, long id) {
        return toView(visible(viewer, id));
    }

    @Transactional(readOnly = true)
    public ArticlePage list(Actor viewer, ArticleStatus status, Audience audience, Long categoryId, Long after, int limit) {
        int size = Math.max(1, Math.min(limit, 500));
        boolean staff = viewer != null && viewer.isStaff();
        ArticleStatus s = staff ? status : ArticleStatus.PUBLISHED;
        Audience a = staff ? audience : Audience.PUBLIC;
        List<Article> rows = articles.page(s, a, categoryId, after == null ? 0 : after, Limit.of(size + 1));
        Long next = rows.size() > size ? rows.get(size - 1).id() : null;
        return new ArticlePage(rows.stream().limit(size).map(this::toView).toList(), next);
    }

    /** Full-text search; customers and visitors find only public published articles. */
    @Transactional(readOnly = true)
    public List<ArticleHit> search(Actor viewer, ArticleSearch q) {
        boolean staff = viewer != null && viewer.isStaff();
        ArticleSearch effective = staff ? q
                : new ArticleSearch(q.text(), q.categoryId(), Audience.PUBLIC, q.language(), ArticleStatus.PUBLISHED, q.limit());
        if (staff && effective.status() == null) {
            effective = new ArticleSearch(q.text(), q.categoryId(), q.audience(), q.language(), ArticleStatus.PUBLISHED, q.limit());
        }
        return index.search(effective, categoryWithChildren(effective.categoryId()));
    }

    @Transactional(readOnly = true)
    public List<ArticleVersionView> versions(Actor viewer, long id) {
        requireStaff(viewer, id);
        return versions.findByArticleIdOrderByRevisionDesc(id).stream().map(ArticleVersion::toView).toList();
    }

    @Transactional(readOnly = true)
    public ArticleVersionView version(Actor viewer, long id, int revision) {
        requireStaff(viewer, id);
        return versions.findByArticleIdAndRevision(id, revision).map(ArticleVersion::toView)
                .orElseThrow(() -> DomainException.notFound("linia.error.revisionNotFound", id, revision));
    }

    /** Line-by-line difference of two versions (either order; shown old → new). */
    @Transactional(readOnly = true)
    public ArticleDiff diff(Actor viewer, long id, int fromRevision, int toRevision) {
        ArticleVersionView from = version(viewer, id, Math.min(fromRevision, toRevision));
        ArticleVersionView to = version(viewer, id, Math.max(fromRevision, toRevision));
        List<String> a = lines(from.body());
        List<String> b = lines(to.body());
        Patch<String> patch = DiffUtils.diff(a, b);
        List<ArticleDiff.Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            while (i < d.getSource().getPosition()) {
                out.add(new ArticleDiff.Line(ArticleDiff.Kind.SAME, i + 1, j + 1, a.get(i)));
                i++;
                j++;
            }
            for (String line : d.getSource().getLines()) {
                out.add(new ArticleDiff.Line(ArticleDiff.Kind.REMOVED, ++i, null, line));
            }
            for (String line : d.getTarget().getLines()) {
                out.add(new ArticleDiff.Line(ArticleDiff.Kind.ADDED, null, ++j, line));
            }
        }
        while (i < a.size()) {
            out.add(new ArticleDiff.Line(ArticleDiff.Kind.SAME, i + 1, j + 1, a.get(i)));
            i++;
            j++;
        }
        return new ArticleDiff(id, from.revision(), to.revision(), from.title(), to.title(), out);
    }

    // ---------------------------------------------------------------- internals

    private static List<String> lines(String body) {
        return Arrays.asList(body.split("\\r?\\n", -1));
    }

    /** A category and, for a top-level one, its children: filtering by a section finds its sub-sections' articles. */
    List<Long> categoryWithChildren(Long categoryId) {
        if (categoryId == null) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        ids.add(categoryId);
        routing.categories().stream().filter(c -> Objects.equals(c.parentId(), categoryId)).map(CategoryRef::id).forEach(ids::add);
        return ids;
    }

    private Article visible(Actor viewer, long id) {
        Article a = articles.findById(id).orElseThrow(() -> notFound(id));
        if (viewer != null && viewer.isStaff()) {
            return a;
        }
        if (!a.isPublicAndPublished()) {
            throw notFound(id);
        }
        return a;
    }

    private void requireStaff(Actor viewer, long id) {
        if (viewer == null || !viewer.isStaff() || !articles.existsById(id)) {
            throw notFound(id);
        }
    }

    private static void requireEditor(Actor actor) {
        if (!canEdit(actor)) {
            throw DomainException.forbidden("linia.refusal.kbEditorsOnly");
        }
    }

    private void requireCategory(Long categoryId) {
        if (categoryId != null && routing.category(categoryId).isEmpty()) {
            throw DomainException.invalid("categoryId", "linia.error.categoryNotFound", categoryId);
        }
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("linia.error.articleNotFound", id);
    }

    ArticleView toView(Article a) {
        return new ArticleView(a.id(), a.title(), a.body(), markdown.toHtml(a.body()), a.categoryId(), a.audience(),
                a.language(), a.tagList(), a.status(), a.authorName(), a.revision(), a.createdAt(), a.updatedAt(),
                a.publishedAt(), a.version());
    }
}
