package io.linia.knowledge.evaluation;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.knowledge.ArticleCommand;
import io.linia.knowledge.ArticleHit;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleSuggestions;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.Audience;
import io.linia.knowledge.KnowledgeBase;
import io.linia.knowledge.evaluation.EvaluationCsv.Row;
import io.linia.knowledge.evaluation.EvaluationCsv.Table;
import io.linia.knowledge.internal.ArticleEvidence;
import io.linia.knowledge.internal.ArticleEvidenceRepository;
import io.linia.routing.Categorisation;
import io.linia.routing.CategoriserStatus;
import io.linia.routing.CategoryCommand;
import io.linia.routing.LabelledText;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.TicketCategoriser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an evaluation inside a Linia started for it (its own empty in-memory database and index):
 * loads the knowledge base through {@link KnowledgeBase} into two-level categories, then asks every
 * case's question and scores where the gold article comes, in three settings — the plain BM25 floor,
 * Linia with the knowledge base only, and Linia after learning from past tickets (K-fold: the other
 * folds' cases are stored as tickets answered with their gold article, as the app stores them).
 * The same settings (without the floor) score the categoriser: cold, trained on the knowledge base's
 * published articles only; learned, trained on them and the other folds' cases as past tickets
 * labelled with their gold category ({@link EvaluationPastTickets}). Both train through the
 * categoriser's own background training ({@link TicketCategoriser#retrainNow()}).
 */
public class KnowledgeEvaluation {

    static final String FLOOR = "bm25-floor";
    static final String COLD = "linia-cold";
    static final String LEARNED = "linia-learned";

    /** How a case's question reaches the categoriser: as a ticket would, the question is the ticket's text. */
    static final String CATEGORISER_INPUT = "TicketCategoriser.categorise(subject = the question, body = \"\")";
    /** The longest a training may take before the evaluation gives up. */
    static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(10);

    private static final Actor EVALUATOR = new Actor(Actor.SYSTEM_ID, "evaluation", Set.of(Role.ADMIN), Set.of());

    private final KnowledgeBase knowledgeBase;
    private final ArticleSuggestions suggestions;
    private final ArticleEvidenceRepository evidence;
    private final RoutingAdministration routing;
    private final TicketCategoriser categoriser;
    private final EvaluationPastTickets pastTickets;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public KnowledgeEvaluation(KnowledgeBase knowledgeBase, ArticleSuggestions suggestions,
                               ArticleEvidenceRepository evidence, RoutingAdministration routing,
                               TicketCategoriser categoriser, EvaluationPastTickets pastTickets,
                               PlatformTransactionManager transactions, Clock clock) {
        this.knowledgeBase = knowledgeBase;
        this.suggestions = suggestions;
        this.evidence = evidence;
        this.routing = routing;
        this.categoriser = categoriser;
        this.pastTickets = pastTickets;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * A question with the articles that count as its right answer (all articles titled as its gold)
     * and its gold category (the leaf; null when neither the case nor its gold article has one).
     */
    record Case(int index, String question, List<Long> gold, Long category) {
    }

    /** The articles as created, by title, and the category (leaf) of each article (null: none). */
    record Loaded(List<Bm25Floor.Entry> articles, Map<String, List<Long>> byTitle, Map<Long, Long> categoryOf,
                  int skipped) {
    }

    /** The desk's two-level category tree, created in routing as the files name categories. */
    private final class Tree {

        final Map<String, Long> level1 = new LinkedHashMap<>(); // name → id
        final Map<String, Long> level2 = new LinkedHashMap<>(); // level-1 name \n level-2 name → id
        final Map<Long, Long> parent = new HashMap<>(); // id → its level-1 category (itself when top-level)
        final Map<Long, String> level1Names = new LinkedHashMap<>();
        final Map<Long, String> names = new HashMap<>();

        /** The leaf category named by two levels (created when new); null without a level-1 name. */
        Long leaf(String l1, String l2) {
            if (l1.isEmpty()) {
                return null;
            }
            Long top = level1.computeIfAbsent(l1, name -> {
                long id = category(level1.size() + level2.size(), name, null);
                parent.put(id, id);
                level1Names.put(id, name);
                names.put(id, name);
                return id;
            });
            if (l2.isEmpty()) {
                return top;
            }
            return level2.computeIfAbsent(l1 + "\n" + l2, k -> {
                long id = category(level1.size() + level2.size(), l2, top);
                parent.put(id, top);
                names.put(id, l1 + " / " + l2);
                return id;
            });
        }

        long top(long id) {
            return parent.getOrDefault(id, id);
        }
    }

    EvaluationReport run(EvaluationOptions options, Table kb, Table casesFile) throws EvaluationOptions.BadArguments {
        Tree tree = new Tree();
        Loaded loaded = load(options, kb, tree);
        if (loaded.articles().isEmpty()) {
            throw new EvaluationOptions.BadArguments("--kb: " + kb.file() + " has no article with a title");
        }
        List<Case> cases = new ArrayList<>();
        int withoutGold = 0;
        int blank = 0;
        // gold categories: the cases' own category columns when the file has them, else the gold article's
        boolean ownCategories = casesFile.has(options.caseLevel1());
        for (Row row : casesFile.rows()) {
            String question = row.get(options.caseQuestion());
            if (question.isEmpty()) {
                blank++;
                continue;
            }
            List<Long> gold = loaded.byTitle().getOrDefault(EvaluationCsv.key(row.get(options.caseGold())), List.of());
            if (gold.isEmpty()) {
                withoutGold++;
                continue;
            }
            Long category = ownCategories
                    ? tree.leaf(EvaluationCsv.key(row.get(options.caseLevel1())), EvaluationCsv.key(row.get(options.caseLevel2())))
                    : loaded.categoryOf().get(gold.get(0));
            cases.add(new Case(cases.size(), question, gold, category));
        }
        if (cases.size() < options.folds()) {
            throw new EvaluationOptions.BadArguments("--cases: " + casesFile.file() + " has " + cases.size()
                    + " questions with a matching gold article, fewer than --folds " + options.folds());
        }

        List<RankingScore> scores = new ArrayList<>();
        try (Bm25Floor floor = new Bm25Floor(loaded.articles())) {
            RankingScore.Tally tally = new RankingScore.Tally(FLOOR);
            cases.forEach(c -> tally.add(floor.top(c.question(), RankingScore.DEPTH), c.gold()));
            scores.add(tally.score());
        }
        RankingScore.Tally cold = new RankingScore.Tally(COLD);
        cases.forEach(c -> cold.add(ask(c), c.gold()));
        scores.add(cold.score());

        List<Case> categorised = cases.stream().filter(c -> c.category() != null).toList();
        List<CategoryScore> categoryScores = new ArrayList<>();
        pastTickets.set(List.of());
        train(); // the articles only: what a new desk has
        CategoryScore.Tally coldCategories = new CategoryScore.Tally(COLD, tree::top, tree.level1Names);
        categorised.forEach(c -> coldCategories.add(c.category(), categorise(c)));
        categoryScores.add(coldCategories.score());

        CategoryScore.Tally learnedCategories = new CategoryScore.Tally(LEARNED, tree::top, tree.level1Names);
        scores.add(learned(cases, options.folds(), options.seed(), learnedCategories));
        categoryScores.add(learnedCategories.score());

        String goldFrom = ownCategories
                ? "the cases' columns '" + options.caseLevel1() + "'" + (casesFile.has(options.caseLevel2())
                        ? " and '" + options.caseLevel2() + "'" : "")
                : "the gold article's category (the cases file has no column '" + options.caseLevel1() + "')";
        CategoryEvaluation categories = new CategoryEvaluation(CATEGORISER_INPUT, goldFrom, categorised.size(),
                cases.size() - categorised.size(), majority(loaded, tree, categorised), categoryScores);

        return new EvaluationReport(kb.file().toString(), casesFile.file().toString(), loaded.articles().size(),
                loaded.skipped(), casesFile.rows().size(), blank, withoutGold, cases.size(), options.folds(),
                options.seed(), scores, categories);
    }

    /** The categoriser's suggestion for a case's question, given as a ticket with that text (see {@link #CATEGORISER_INPUT}). */
    private Categorisation categorise(Case c) {
        return categoriser.categorise(c.question(), "");
    }

    /**
     * Trains the categoriser on what its example sources hold now, through its own background training,
     * and waits for that training to finish. A training that fails or does not end in time ends the
     * evaluation with the categoriser's reason.
     */
    private void train() {
        Instant deadline = Instant.now().plus(TRAINING_TIMEOUT);
        awaitIdle(deadline); // a training already running would make retrainNow() do nothing
        Instant before = categoriser.status().trainedAt();
        categoriser.retrainNow();
        awaitIdle(deadline);
        CategoriserStatus status = categoriser.status();
        if (status.trainedAt() == null || status.trainedAt().equals(before)) {
            throw new IllegalStateException("the categoriser did not train: "
                    + (status.lastError() == null ? "no reason given" : status.lastError()));
        }
    }

    private void awaitIdle(Instant deadline) {
        while (categoriser.status().training()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the categoriser's training did not finish within " + TRAINING_TIMEOUT.toMinutes()
                        + " minutes");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the categoriser was training", e);
            }
        }
    }

    /** The baseline: the most frequent category among the articles (leaf and level 1), its accuracy on the cases. */
    private static CategoryEvaluation.Majority majority(Loaded loaded, Tree tree, List<Case> cases) {
        Map<Long, Integer> leaves = new LinkedHashMap<>();
        Map<Long, Integer> tops = new LinkedHashMap<>();
        loaded.categoryOf().values().stream().filter(java.util.Objects::nonNull).forEach(leaf -> {
            leaves.merge(leaf, 1, Integer::sum);
            tops.merge(tree.top(leaf), 1, Integer::sum);
        });
        if (leaves.isEmpty()) {
            return new CategoryEvaluation.Majority(null, 0, null, 0);
        }
        // the first of equally frequent ones: the one that comes first in the file
        long leaf = leaves.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue)).orElseThrow().getKey();
        long top = tops.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue)).orElseThrow().getKey();
        double n = Math.max(cases.size(), 1);
        return new CategoryEvaluation.Majority(tree.names.get(leaf), cases.stream().filter(c -> c.category() == leaf).count() / n,
                tree.names.get(top), cases.stream().filter(c -> tree.top(c.category()) == top).count() / n);
    }

    /** What an agent is offered for the question (it is the ticket's subject; the ticket has no other text). */
    private List<Long> ask(Case c) {
        return suggestions.forText(c.question(), null, false, RankingScore.DEPTH).stream().map(ArticleHit::id).toList();
    }

    /**
     * Per fold: the other folds' cases become past tickets — answered with their gold article (for the
     * suggestions) and categorised with their gold category (for the categoriser, which retrains) — and
     * this fold's cases are asked.
     */
    private RankingScore learned(List<Case> cases, int folds, long seed, CategoryScore.Tally categories) {
        List<Case> dealt = new ArrayList<>(cases);
        Collections.shuffle(dealt, new Random(seed));
        RankingScore.Tally tally = new RankingScore.Tally(LEARNED);
        for (int fold = 0; fold < folds; fold++) {
            List<Case> asked = new ArrayList<>();
            List<ArticleEvidence> past = new ArrayList<>();
            List<LabelledText> categorisedBefore = new ArrayList<>();
            for (int i = 0; i < dealt.size(); i++) {
                Case c = dealt.get(i);
                if (i % folds == fold) {
                    asked.add(c);
                } else {
                    // a past ticket (subject = the question) answered with the gold article
                    past.add(new ArticleEvidence(c.gold().get(0), c.index() + 1L, c.question(), clock.instant()));
                    if (c.category() != null) {
                        // ... and given its category by a person: subject and message, as TicketCategorisationExamples reads them
                        categorisedBefore.add(new LabelledText(c.question() + "\n", c.category(), 1.0));
                    }
                }
            }
            transaction.executeWithoutResult(s -> evidence.saveAll(past));
            asked.forEach(c -> tally.add(ask(c), c.gold()));
            // entity by entity, so that Hibernate Search removes them from the index too
            transaction.executeWithoutResult(s -> evidence.deleteAll());

            pastTickets.set(categorisedBefore);
            train();
            asked.stream().filter(c -> c.category() != null).forEach(c -> categories.add(c.category(), categorise(c)));
        }
        pastTickets.set(List.of());
        return tally.score();
    }

    /** Categories (two levels) and articles from the knowledge-base file; rows without a title are skipped. */
    private Loaded load(EvaluationOptions o, Table kb, Tree tree) {
        List<ArticleCommand> commands = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        int skipped = 0;
        for (Row row : kb.rows()) {
            String title = row.get(o.kbTitle());
            if (title.isEmpty()) {
                skipped++;
                continue;
            }
            String body = row.get(o.kbBody());
            Long category = tree.leaf(EvaluationCsv.key(row.get(o.kbLevel1())), EvaluationCsv.key(row.get(o.kbLevel2())));
            commands.add(new ArticleCommand(cut(EvaluationCsv.key(title), 255), body.isEmpty() ? title : body, category,
                    Audience.PUBLIC, "ru", row.get(o.kbTopic()).replace(',', ' '), ArticleStatus.PUBLISHED, null, null));
            titles.add(EvaluationCsv.key(title));
        }
        List<ArticleView> created = knowledgeBase.createAll(EVALUATOR, commands);
        Map<String, List<Long>> byTitle = new HashMap<>();
        Map<Long, Long> categoryOf = new HashMap<>();
        List<Bm25Floor.Entry> entries = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            ArticleView a = created.get(i);
            byTitle.computeIfAbsent(titles.get(i), t -> new ArrayList<>()).add(a.id());
            categoryOf.put(a.id(), commands.get(i).categoryId());
            entries.add(new Bm25Floor.Entry(a.id(), a.title(), a.body()));
        }
        return new Loaded(entries, byTitle, categoryOf, skipped);
    }

    private Long category(int existing, String name, Long parentId) {
        String n = cut(name, 120);
        return routing.createCategory(new CategoryCommand("eval-" + (existing + 1), n, n, null, true, parentId)).id();
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
