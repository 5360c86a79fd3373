package io.linia.knowledge.internal;

import io.linia.knowledge.ArticleHit;
import io.linia.knowledge.ArticleSearch;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.Audience;
import io.linia.shared.TextAnalysis;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The Lucene side of the knowledge base: searching articles (BM25 over title, tags and body, with
 * Russian and English stemming, typo tolerance for short queries, highlighted fragments) and
 * ranking suggestions for a ticket's text, where the articles that answered the nearest past
 * tickets get their votes.
 */
@Component
@Transactional(readOnly = true)
public class ArticleIndex {

    /** Boosts: a question usually resembles an article's title more than its body. */
    static final float TITLE_BOOST = 3f;
    static final float TAGS_BOOST = 1.5f;
    static final float BODY_BOOST = 1f;
    /** Long texts are cut: the start of a message carries the question; the rest costs time, not precision. */
    static final int MAX_QUERY_TERMS = 48;
    /** Of those, the articles are queried with the most telling (rarest) ones. */
    static final int ARTICLE_QUERY_TERMS = 24;
    static final int EVIDENCE_NEIGHBOURS = 25;
    /**
     * The nearest past tickets are looked up by the text's first distinct words only: over a million
     * tickets every further common word adds a long posting list to score (bench/README.md: p50 27 → see there).
     */
    static final int EVIDENCE_QUERY_TERMS = 10;
    static final double EVIDENCE_WEIGHT = 0.5;

    private final Analyzer analyzer = TextAnalysis.analyzer();
    private final TermRarity rarity;

    ArticleIndex(TermRarity rarity) {
        this.rarity = rarity;
    }

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * Articles for a search; filters applied; the hits carry highlighted title and fragments. A short
     * query that finds little as typed is tried again tolerating one typo per word: building the typo
     * automata (Cyrillic is two bytes a letter) and highlighting through them costs more than the search
     * itself, so it is paid only when it can help.
     */
    public List<ArticleHit> search(ArticleSearch q, Collection<Long> categoryIds) {
        String text = queryText(q.text());
        if (text.isEmpty()) {
            return List.of();
        }
        List<ArticleHit> exact = search(q, categoryIds, text, false);
        boolean shortQuery = TextAnalysis.stems(analyzer, text).size() <= 3;
        if (!shortQuery || exact.size() >= Math.min(q.limit(), FEW_HITS)) {
            return exact;
        }
        return search(q, categoryIds, text, true);
    }

    /** Fewer hits than this for a short query, and the typo-tolerant search runs. */
    static final int FEW_HITS = 3;

    private List<ArticleHit> search(ArticleSearch q, Collection<Long> categoryIds, String text, boolean tolerateTypos) {
        SearchSession session = Search.session(entityManager);
        return session.search(Article.class)
                .select(f -> hitProjection(f))
                .where(f -> {
                    var root = f.bool().must(f.bool().should(textMatch(f, text, false)).should(phrase(f, text))
                            .should(tolerateTypos ? textMatch(f, text, true) : f.matchNone())
                            .minimumShouldMatchNumber(1));
                    filters(f, root, q.status(), q.audience(), q.language(), categoryIds);
                    return root;
                })
                .highlighter(h -> h.plain().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>")
                        .fragmentSize(160).numberOfFragments(2).noMatchSize(160))
                .highlighter("title", h -> h.plain().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>")
                        .numberOfFragments(1).fragmentSize(400).noMatchSize(400))
                .totalHitCountThreshold(q.limit() * 5L)
                .fetchHits(q.limit()).stream().map(r -> r.toHit(0)).toList();
    }

    /**
     * Suggestions for a ticket's (or a customer's) text: BM25 over the articles, blended with the
     * votes of the nearest past tickets that were answered with an article. {@code publicOnly} limits
     * them to public articles (the customer's self-service).
     */
    public List<ArticleHit> suggest(String subject, String body, boolean publicOnly, int limit) {
        String all = suggestionText(subject, body);
        if (all.isEmpty()) {
            return List.of();
        }
        String text = tellingWords(all, Article.class, List.of("title", "body", "tags"), ARTICLE_QUERY_TERMS, 1);
        SearchSession session = Search.session(entityManager);
        int pool = Math.max(limit * 4, 20);
        // 1. the articles by their text: ids and scores only (highlighting is paid for the shown few, below)
        List<List<?>> byText = session.search(Article.class)
                .select(f -> f.composite().from(f.id(Long.class), f.score()).asList())
                .where(f -> {
                    var root = f.bool().must(f.bool().should(textMatch(f, text, false))
                            .should(phrase(f, subject == null ? "" : subject)).minimumShouldMatchNumber(1));
                    filters(f, root, ArticleStatus.PUBLISHED, publicOnly ? Audience.PUBLIC : null, null, List.of());
                    return root;
                })
                .totalHitCountThreshold(pool * 5L)
                .fetchHits(pool);
        // 2. the nearest past tickets, each voting for the article that answered it
        Map<Long, Vote> votes = evidenceVotes(session, tellingWords(all, ArticleEvidence.class, List.of("text"), EVIDENCE_QUERY_TERMS, 2));

        double top = byText.stream().mapToDouble(h -> ((Number) h.get(1)).doubleValue()).max()
                .orElse(votes.values().stream().mapToDouble(v -> v.best() * TITLE_BOOST).max().orElse(1));
        Map<Long, Double> blended = new HashMap<>();
        for (List<?> h : byText) {
            blended.put((Long) h.get(0), ((Number) h.get(1)).doubleValue() / top);
        }
        votes.forEach((id, v) -> blended.merge(id, EVIDENCE_WEIGHT * v.strength(top), Double::sum));
        List<Long> ranked = blended.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit * 2L).map(Map.Entry::getKey).toList();
        if (ranked.isEmpty()) {
            return List.of();
        }
        // 3. what the hits show, for the best few only; an article known only from votes that the reader may
        //    not see (internal for a customer, no longer published) drops out here
        Map<Long, Row> rows = new HashMap<>();
        session.search(Article.class).select(f -> hitProjection(f))
                .where(f -> {
                    var root = f.bool().must(f.id().matchingAny(ranked)).should(textMatch(f, text, false));
                    filters(f, root, ArticleStatus.PUBLISHED, publicOnly ? Audience.PUBLIC : null, null, List.of());
                    return root;
                })
                .highlighter(h -> h.plain().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>")
                        .fragmentSize(160).numberOfFragments(1).noMatchSize(160))
                .highlighter("title", h -> h.plain().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>")
                        .numberOfFragments(1).fragmentSize(400).noMatchSize(400))
                .fetchHits(ranked.size()).forEach(r -> rows.put(r.id(), r));
        return ranked.stream().filter(rows::containsKey).limit(limit)
                .map(id -> rows.get(id).withScore(blended.get(id)).toHit(votes.containsKey(id) ? votes.get(id).tickets() : 0))
                .toList();
    }

    /**
     * What the nearest past tickets say about one article: the best-matching ticket's score, the sum of
     * all, and how many there were. Its strength is measured against the best article's own text score:
     * a past ticket worded just like the new one speaks loudly, a loosely similar one barely at all, so
     * a few vague neighbours cannot push aside an article that matches the text well.
     */
    record Vote(double best, double sum, int tickets) {

        Vote add(double score) {
            return new Vote(Math.max(best, score), sum + score, tickets + 1);
        }

        /** About 0…{@value #CAP}: a past ticket's text is compared like a title (hence the title boost). */
        double strength(double topArticleScore) {
            double support = best + OTHERS * (sum - best);
            return Math.min(CAP, TITLE_BOOST * support / topArticleScore);
        }

        static final double OTHERS = 0.3;
        static final double CAP = 1.5;
    }

    /** Per article, the votes of the nearest past tickets answered with it. */
    private Map<Long, Vote> evidenceVotes(SearchSession session, String text) {
        List<List<?>> hits = session.search(ArticleEvidence.class)
                .select(f -> f.composite().from(f.field("articleId", Long.class), f.score()).asList())
                .where(f -> textOnly(f, text))
                .totalHitCountThreshold(EVIDENCE_NEIGHBOURS * 4L)
                .fetchHits(EVIDENCE_NEIGHBOURS);
        Map<Long, Vote> votes = new HashMap<>();
        for (List<?> hit : hits) {
            double score = ((Number) hit.get(1)).doubleValue();
            votes.merge((Long) hit.get(0), new Vote(score, score, 1), (a, b) -> a.add(b.best()));
        }
        return votes;
    }

    /**
     * The {@code n} words of a {@link #suggestionText} (distinct stems already) that are rarest in the
     * index's {@code fields}, in their order; words in fewer than {@code minFrequency} documents are
     * dropped (absent ones cannot match; one past ticket's typo or name says nothing about the next ticket). Without statistics (an index being rebuilt), the first {@code n} words.
     */
    String tellingWords(String text, Class<?> entity, List<String> fields, int n, int minFrequency) {
        String[] words = text.split(" ");
        if (words.length <= n) {
            return text;
        }
        record Word(int position, String word, int frequency) {
        }
        List<Word> known = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            List<String> stems = TextAnalysis.stems(analyzer, words[i]);
            if (stems.isEmpty()) {
                continue;
            }
            int df = 0;
            for (String field : fields) {
                int inField = rarity.documentFrequency(entity, field, stems.get(0));
                if (inField < 0) {
                    return firstWords(text, n);
                }
                df += inField;
            }
            if (df >= minFrequency) {
                known.add(new Word(i, words[i], df));
            }
        }
        if (known.isEmpty()) {
            return firstWords(text, n);
        }
        return known.stream().sorted(java.util.Comparator.comparingInt(Word::frequency).thenComparingInt(Word::position))
                .limit(n).sorted(java.util.Comparator.comparingInt(Word::position)).map(Word::word)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** The first {@code n} words of a {@link #suggestionText} (its words are distinct already). */
    static String firstWords(String text, int n) {
        String[] words = text.split(" ");
        return words.length <= n ? text : String.join(" ", java.util.Arrays.asList(words).subList(0, n));
    }

    // ---------------------------------------------------------------- query parts

    private static org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep textMatch(
            SearchPredicateFactory f, String text, boolean fuzzy) {
        var match = f.match().field("title").boost(TITLE_BOOST).field("tags").boost(TAGS_BOOST).field("body").boost(BODY_BOOST)
                .matching(text);
        // one edit, not two: a two-edit automaton over Cyrillic (two bytes a letter) took ~90 ms per short
        // search to build, and the plain highlighter failed on the negative boosts ("boost must be a positive
        // float") it gives a term two edits from a one-letter word (bench/README.md)
        return fuzzy ? match.fuzzy(1, 1).boost(0.4f) : match;
    }

    private static org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep phrase(SearchPredicateFactory f, String text) {
        if (text == null || text.isBlank()) {
            return f.matchNone();
        }
        return f.phrase().field("title").boost(TITLE_BOOST).field("body").matching(text).slop(3).boost(0.5f);
    }

    private static org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep textOnly(SearchPredicateFactory f, String text) {
        return f.match().field("text").matching(text);
    }

    private static void filters(SearchPredicateFactory f, BooleanPredicateClausesStep<?> root, ArticleStatus status,
                                Audience audience, String language, Collection<Long> categoryIds) {
        if (status != null) {
            root.filter(f.match().field("status").matching(status));
        }
        if (audience != null) {
            root.filter(f.match().field("audience").matching(audience));
        }
        if (language != null) {
            root.filter(f.match().field("language").matching(language));
        }
        if (categoryIds != null && !categoryIds.isEmpty()) {
            root.filter(f.terms().field("categoryId").matchingAny(categoryIds));
        }
    }

    private static org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep<Row> hitProjection(
            SearchProjectionFactory<?, ?> f) {
        return f.composite().from(f.id(Long.class), f.field("title", String.class), f.field("categoryId", Long.class),
                        f.field("audience", Audience.class), f.field("language", String.class),
                        f.field("status", ArticleStatus.class), f.score(), f.highlight("title").highlighter("title"),
                        f.highlight("body"))
                .asList(v -> new Row((Long) v.get(0), (String) v.get(1), (Long) v.get(2), (Audience) v.get(3),
                        (String) v.get(4), (ArticleStatus) v.get(5), ((Number) v.get(6)).doubleValue(),
                        strings(v.get(7)), strings(v.get(8))));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return o == null ? List.of() : (List<String>) o;
    }

    /** The query text: invisible characters dropped, Lucene cannot choke on it (it is not parsed as syntax). */
    static String queryText(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        return t.length() > 1000 ? t.substring(0, 1000) : t;
    }

    /** Subject and the start of the body, cut to the first {@link #MAX_QUERY_TERMS} distinct words. */
    String suggestionText(String subject, String body) {
        String joined = (subject == null ? "" : subject) + "\n" + (body == null ? "" : body);
        Set<String> seen = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder();
        for (String line : joined.split("\n")) {
            if (line.startsWith(">")) {
                continue; // quoted earlier mail says nothing new
            }
            for (String word : line.split("[\\s\\p{Z}]+")) {
                if (word.isEmpty()) {
                    continue;
                }
                List<String> stems = TextAnalysis.stems(analyzer, word);
                if (stems.isEmpty() || !seen.add(stems.get(0))) {
                    continue;
                }
                out.append(word).append(' ');
                if (seen.size() >= MAX_QUERY_TERMS) {
                    return out.toString().strip();
                }
            }
        }
        return out.toString().strip();
    }

    record Row(Long id, String title, Long categoryId, Audience audience, String language, ArticleStatus status,
               double score, List<String> titleHighlights, List<String> fragments) {

        Row withScore(double s) {
            return new Row(id, title, categoryId, audience, language, status, s, titleHighlights, fragments);
        }

        ArticleHit toHit(int evidence) {
            String titleHtml = titleHighlights.isEmpty() ? HtmlUtils.htmlEscape(title) : titleHighlights.get(0);
            return new ArticleHit(id, title, titleHtml, fragments.stream().map(Row::withoutMarkup).toList(), categoryId,
                    audience, language, status, score, evidence);
        }

        /** A fragment is cut from the Markdown source: its emphasis, heading and code marks only get in the reader's way. */
        static String withoutMarkup(String fragment) {
            return fragment.replace("**", "").replace("__", "").replace("`", "")
                    .replaceAll("(^|\\n)#{1,6} ", "$1").strip();
        }
    }

}
