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
import io.linia.routing.CategoryCommand;
import io.linia.routing.RoutingAdministration;
import java.time.Clock;
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
 */
public class KnowledgeEvaluation {

    static final String FLOOR = "bm25-floor";
    static final String COLD = "linia-cold";
    static final String LEARNED = "linia-learned";

    private static final Actor EVALUATOR = new Actor(Actor.SYSTEM_ID, "evaluation", Set.of(Role.ADMIN), Set.of());

    private final KnowledgeBase knowledgeBase;
    private final ArticleSuggestions suggestions;
    private final ArticleEvidenceRepository evidence;
    private final RoutingAdministration routing;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public KnowledgeEvaluation(KnowledgeBase knowledgeBase, ArticleSuggestions suggestions,
                               ArticleEvidenceRepository evidence, RoutingAdministration routing,
                               PlatformTransactionManager transactions, Clock clock) {
        this.knowledgeBase = knowledgeBase;
        this.suggestions = suggestions;
        this.evidence = evidence;
        this.routing = routing;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A question with the articles that count as its right answer (all articles titled as its gold). */
    record Case(int index, String question, List<Long> gold) {
    }

    record Loaded(List<Bm25Floor.Entry> articles, Map<String, List<Long>> byTitle, int skipped) {
    }

    EvaluationReport run(EvaluationOptions options, Table kb, Table casesFile) throws EvaluationOptions.BadArguments {
        Loaded loaded = load(options, kb);
        if (loaded.articles().isEmpty()) {
            throw new EvaluationOptions.BadArguments("--kb: " + kb.file() + " has no article with a title");
        }
        List<Case> cases = new ArrayList<>();
        int withoutGold = 0;
        int blank = 0;
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
            cases.add(new Case(cases.size(), question, gold));
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
        scores.add(learned(cases, options.folds(), options.seed()));

        return new EvaluationReport(kb.file().toString(), casesFile.file().toString(), loaded.articles().size(),
                loaded.skipped(), casesFile.rows().size(), blank, withoutGold, cases.size(), options.folds(),
                options.seed(), scores);
    }

    /** What an agent is offered for the question (it is the ticket's subject; the ticket has no other text). */
    private List<Long> ask(Case c) {
        return suggestions.forText(c.question(), null, false, RankingScore.DEPTH).stream().map(ArticleHit::id).toList();
    }

    private RankingScore learned(List<Case> cases, int folds, long seed) {
        List<Case> dealt = new ArrayList<>(cases);
        Collections.shuffle(dealt, new Random(seed));
        RankingScore.Tally tally = new RankingScore.Tally(LEARNED);
        for (int fold = 0; fold < folds; fold++) {
            List<Case> asked = new ArrayList<>();
            List<ArticleEvidence> past = new ArrayList<>();
            for (int i = 0; i < dealt.size(); i++) {
                Case c = dealt.get(i);
                if (i % folds == fold) {
                    asked.add(c);
                } else {
                    // a past ticket (subject = the question) answered with the gold article
                    past.add(new ArticleEvidence(c.gold().get(0), c.index() + 1L, c.question(), clock.instant()));
                }
            }
            transaction.executeWithoutResult(s -> evidence.saveAll(past));
            asked.forEach(c -> tally.add(ask(c), c.gold()));
            // entity by entity, so that Hibernate Search removes them from the index too
            transaction.executeWithoutResult(s -> evidence.deleteAll());
        }
        return tally.score();
    }

    /** Categories (two levels) and articles from the knowledge-base file; rows without a title are skipped. */
    private Loaded load(EvaluationOptions o, Table kb) {
        Map<String, Long> level1 = new LinkedHashMap<>();
        Map<String, Long> level2 = new LinkedHashMap<>();
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
            String l1 = EvaluationCsv.key(row.get(o.kbLevel1()));
            String l2 = EvaluationCsv.key(row.get(o.kbLevel2()));
            Long category = null;
            if (!l1.isEmpty()) {
                Long parent = level1.computeIfAbsent(l1, name -> category(level1.size() + level2.size(), name, null));
                category = parent;
                if (!l2.isEmpty()) {
                    category = level2.computeIfAbsent(l1 + "\n" + l2, k -> category(level1.size() + level2.size(), l2, parent));
                }
            }
            commands.add(new ArticleCommand(cut(EvaluationCsv.key(title), 255), body.isEmpty() ? title : body, category,
                    Audience.PUBLIC, "ru", row.get(o.kbTopic()).replace(',', ' '), ArticleStatus.PUBLISHED, null, null));
            titles.add(EvaluationCsv.key(title));
        }
        List<ArticleView> created = knowledgeBase.createAll(EVALUATOR, commands);
        Map<String, List<Long>> byTitle = new HashMap<>();
        List<Bm25Floor.Entry> entries = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            ArticleView a = created.get(i);
            byTitle.computeIfAbsent(titles.get(i), t -> new ArrayList<>()).add(a.id());
            entries.add(new Bm25Floor.Entry(a.id(), a.title(), a.body()));
        }
        return new Loaded(entries, byTitle, skipped);
    }

    private Long category(int existing, String name, Long parentId) {
        String n = cut(name, 120);
        return routing.createCategory(new CategoryCommand("eval-" + (existing + 1), n, n, null, true, parentId)).id();
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
