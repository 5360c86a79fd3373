package io.linia.knowledge;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.knowledge.internal.Article;
import io.linia.knowledge.internal.ArticleRepository;
import io.linia.knowledge.internal.ArticleVote;
import io.linia.knowledge.internal.ArticleVoteRepository;
import io.linia.knowledge.internal.Deflection;
import io.linia.knowledge.internal.DeflectionRepository;
import io.linia.knowledge.internal.OutdatedFlag;
import io.linia.knowledge.internal.OutdatedFlagRepository;
import io.linia.shared.DomainException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What readers say about articles: customers' and visitors' "helpful / not helpful" (one answer per
 * reader and article, the latest counts), agents' "out of date" flags that editors resolve, and the
 * requests an article deflected in self-service. The team lead's report brings them together.
 */
@Service
@Transactional
public class ArticleFeedback {

    public static final int MAX_COMMENT = 1000;
    public static final int MAX_REASON = 1000;
    /** A voter key: {@code u:<user id>} for a signed-in person, {@code v:<random id>} for a visitor. */
    private static final Pattern VOTER = Pattern.compile("[uv]:[A-Za-z0-9-]{1,64}");

    private final ArticleRepository articles;
    private final ArticleVoteRepository votes;
    private final OutdatedFlagRepository flags;
    private final DeflectionRepository deflections;
    private final FeedbackProperties properties;
    private final Clock clock;

    ArticleFeedback(ArticleRepository articles, ArticleVoteRepository votes, OutdatedFlagRepository flags,
                    DeflectionRepository deflections, FeedbackProperties properties, Clock clock) {
        this.articles = articles;
        this.votes = votes;
        this.flags = flags;
        this.deflections = deflections;
        this.properties = properties;
        this.clock = clock;
    }

    public static String voterOf(long userId) {
        return "u:" + userId;
    }

    public static String visitorVoter(String visitorId) {
        return "v:" + visitorId;
    }

    /** A visitor id as set in the cookie or sent by an API client: letters, digits and dashes, 8–64 of them. */
    public static boolean validVisitorId(String id) {
        return id != null && id.matches("[A-Za-z0-9-]{8,64}");
    }

    // ---------------------------------------------------------------- votes

    /** Records (or changes) the reader's answer on a public published article; "not helpful" may carry a comment. */
    public FeedbackCounts vote(String voter, long articleId, boolean helpful, String comment) {
        if (voter == null || !VOTER.matcher(voter).matches()) {
            throw DomainException.invalid("voter", "kbp.refusal.voter");
        }
        if (comment != null && comment.strip().length() > MAX_COMMENT) {
            throw DomainException.invalid("comment", "kbp.refusal.commentTooLong", MAX_COMMENT);
        }
        publicArticle(articleId);
        votes.findByArticleIdAndVoter(articleId, voter)
                .ifPresentOrElse(v -> v.change(helpful, comment, clock.instant()),
                        () -> votes.save(new ArticleVote(articleId, voter, helpful, comment, clock.instant())));
        votes.flush();
        return counts(articleId);
    }

    /** The reader's current answer on the article, if any. */
    @Transactional(readOnly = true)
    public Optional<Boolean> voteOf(String voter, long articleId) {
        return voter == null ? Optional.empty() : votes.findByArticleIdAndVoter(articleId, voter).map(ArticleVote::helpful);
    }

    // ---------------------------------------------------------------- flags

    /** An agent reports that an article is out of date; the reason is required. */
    public ArticleFlag flagOutdated(Actor agent, long articleId, String reason) {
        if (agent == null || !agent.isStaff()) {
            throw DomainException.forbidden("kbp.refusal.staffOnly");
        }
        Article article = articles.findById(articleId).orElseThrow(() -> notFound(articleId));
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw DomainException.invalid("reason", "kbp.refusal.reasonRequired");
        }
        if (r.length() > MAX_REASON) {
            throw DomainException.invalid("reason", "kbp.refusal.reasonTooLong", MAX_REASON);
        }
        OutdatedFlag flag = flags.save(new OutdatedFlag(articleId, agent, r, clock.instant()));
        return flag.toView(article.title());
    }

    /** An editor marks a flag as dealt with (the article was fixed, or the flag was wrong). */
    public ArticleFlag resolveFlag(Actor editor, long flagId) {
        if (!KnowledgeBase.canEdit(editor)) {
            throw DomainException.forbidden("linia.refusal.kbEditorsOnly");
        }
        OutdatedFlag flag = flags.findById(flagId)
                .orElseThrow(() -> DomainException.notFound("kbp.error.flagNotFound", flagId));
        if (!flag.isOpen()) {
            throw DomainException.conflict("kbp.refusal.flagResolved", flagId);
        }
        flag.resolve(editor, clock.instant());
        return flag.toView(titles(List.of(flag.articleId())).get(flag.articleId()));
    }

    /** All flags of an article, newest first (staff only). */
    @Transactional(readOnly = true)
    public List<ArticleFlag> flags(Actor viewer, long articleId) {
        if (viewer == null || !viewer.isStaff()) {
            throw DomainException.forbidden("kbp.refusal.staffOnly");
        }
        Article article = articles.findById(articleId).orElseThrow(() -> notFound(articleId));
        return flags.findByArticleIdOrderByCreatedAtDesc(articleId).stream().map(f -> f.toView(article.title())).toList();
    }

    // ---------------------------------------------------------------- deflections

    /**
     * A customer read a public article while writing a request and said it solved their problem: no
     * request is created, the article is credited. {@code userId} is null for a visitor.
     */
    public long recordDeflection(long articleId, Long userId, String query) {
        if (query != null && query.strip().length() > Deflection.MAX_QUERY) {
            throw DomainException.invalid("query", "kbp.refusal.queryTooLong", Deflection.MAX_QUERY);
        }
        publicArticle(articleId);
        return deflections.save(new Deflection(articleId, userId, query, clock.instant())).id();
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public FeedbackCounts counts(long articleId) {
        Object[] tally = votes.tally(articleId).get(0);
        long helpful = ((Number) tally[0]).longValue();
        long all = ((Number) tally[1]).longValue();
        return new FeedbackCounts(articleId, helpful, all - helpful, flags.countOpen(articleId),
                deflections.countByArticleId(articleId));
    }

    /** The counts of a public published article (404 for any other), for the public API. */
    @Transactional(readOnly = true)
    public FeedbackCounts countsOfPublic(long articleId) {
        publicArticle(articleId);
        return counts(articleId);
    }

    /** The latest comments left with "not helpful" (staff read them on the article page). */
    @Transactional(readOnly = true)
    public List<String> comments(Actor viewer, long articleId, int limit) {
        if (viewer == null || !viewer.isStaff()) {
            throw DomainException.forbidden("kbp.refusal.staffOnly");
        }
        return votes.comments(articleId, Limit.of(Math.max(1, Math.min(limit, 100)))).stream()
                .map(ArticleVote::comment).toList();
    }

    /** The team lead's report; {@code minVotes} null means the configured minimum. */
    @Transactional(readOnly = true)
    public FeedbackReport report(Actor lead, Integer minVotes) {
        if (lead == null || !(lead.has(Role.TEAM_LEAD) || lead.has(Role.ADMIN))) {
            throw DomainException.forbidden("kbp.refusal.leadsOnly");
        }
        int min = minVotes == null ? properties.minVotes() : minVotes;
        if (min < 1 || min > 100_000) {
            throw DomainException.invalid("minVotes", "kbp.refusal.minVotes");
        }
        Limit size = Limit.of(properties.reportSize());
        List<OutdatedFlag> open = flags.open(Limit.of(500));
        List<Object[]> least = votes.leastHelpful(min, size);
        List<Object[]> most = deflections.mostDeflecting(size);
        Collection<Long> ids = new HashSet<>();
        open.forEach(f -> ids.add(f.articleId()));
        least.forEach(r -> ids.add(((Number) r[0]).longValue()));
        most.forEach(r -> ids.add(((Number) r[0]).longValue()));
        Map<Long, String> titles = titles(ids);
        return new FeedbackReport(
                open.stream().map(f -> f.toView(titles.get(f.articleId()))).toList(),
                least.stream().map(r -> new FeedbackReport.Helpfulness(((Number) r[0]).longValue(),
                        titles.get(((Number) r[0]).longValue()), ((Number) r[1]).longValue(), ((Number) r[2]).longValue())).toList(),
                most.stream().map(r -> new FeedbackReport.Deflections(((Number) r[0]).longValue(),
                        titles.get(((Number) r[0]).longValue()), ((Number) r[1]).longValue())).toList(),
                min);
    }

    private Map<Long, String> titles(Collection<Long> ids) {
        return articles.findAllById(ids).stream().collect(Collectors.toMap(Article::id, Article::title, (a, b) -> a));
    }

    private Article publicArticle(long articleId) {
        return articles.findById(articleId).filter(Article::isPublicAndPublished).orElseThrow(() -> notFound(articleId));
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("linia.error.articleNotFound", id);
    }
}
