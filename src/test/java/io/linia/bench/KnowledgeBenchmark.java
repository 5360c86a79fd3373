package io.linia.bench;

import io.linia.LiniaApplication;
import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.knowledge.ArticleCommand;
import io.linia.knowledge.ArticleHit;
import io.linia.knowledge.ArticleSearch;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleSuggestions;
import io.linia.knowledge.Audience;
import io.linia.knowledge.KnowledgeBase;
import io.linia.knowledge.SearchIndexStatus;
import io.linia.knowledge.internal.ArticleEvidence;
import io.linia.knowledge.internal.ArticleEvidenceRepository;
import io.linia.knowledge.internal.ArticleRepository;
import io.linia.knowledge.internal.SearchIndexMaintenance;
import io.linia.routing.Categorisation;
import io.linia.routing.CategorisationExamples;
import io.linia.routing.CategoriserStatus;
import io.linia.routing.CategoryCommand;
import io.linia.routing.LabelledText;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.TicketCategoriser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Speed of the knowledge base on the real engine (Hibernate Search + Lucene with Linia's analysis
 * and queries, H2 file store) with many articles and past tickets: suggestion for one ticket, article
 * search, and how fast past tickets are indexed (the mass indexer from the database, as the admin's
 * "rebuild" runs it, and direct indexing as answers are committed). Not a test: it prints figures
 * and judges nothing. Run it with {@code bench/run-knowledge.sh} (options there).
 *
 * <p>The generated data stays under {@code --data} (default {@code bench/target/kb-bench}: the H2
 * file and the Lucene index), so a second run skips generation and indexing unless {@code --reindex}.
 *
 * <p>Categorisation: the categoriser (routing) is trained through its own background training on the
 * published articles plus {@code --categorise-tickets} generated tickets, each labelled with the
 * category of the article it asks about ({@link GeneratedTickets}: the same tickets as the past
 * tickets above, generated while the trainer reads them, so the phase needs none in the database);
 * the trainer keeps a random sample of {@code --max-examples} of them, as in production.
 */
public final class KnowledgeBenchmark {

    private static final Actor ADMIN = new Actor(Actor.SYSTEM_ID, "bench", Set.of(Role.ADMIN), Set.of());
    /** Tickets of the direct-indexing measurement: ids far above the generated ones, removed afterwards. */
    private static final long DIRECT_TICKET_IDS = 10_000_000_000L;

    private final Map<String, String> options;
    private final BenchTexts texts;
    private final GeneratedTickets generated;
    private ConfigurableApplicationContext context;

    private KnowledgeBenchmark(Map<String, String> options) throws Exception {
        this.options = options;
        this.texts = new BenchTexts(Path.of(options.get("kb")));
        this.generated = new GeneratedTickets(texts);
    }

    /**
     * Past tickets with a category, as a source of the categoriser's examples: ticket {@code n} asks about
     * the article {@link #ticketArticle} picks and has that article's category. Nothing until configured.
     */
    static final class GeneratedTickets implements CategorisationExamples {

        private final BenchTexts texts;
        private volatile long[] categoryOfArticle = new long[0];
        private volatile long count;

        GeneratedTickets(BenchTexts texts) {
            this.texts = texts;
        }

        void configure(long[] categoryOfArticle, long count) {
            this.categoryOfArticle = categoryOfArticle;
            this.count = count;
        }

        @Override
        public void forEach(Consumer<LabelledText> sink) {
            long[] categories = categoryOfArticle;
            for (long n = 0; n < count && categories.length > 0; n++) {
                int article = ticketArticle(n, categories.length);
                BenchTexts.Text t = texts.ticket(n, article);
                sink.accept(new LabelledText(t.subject() + "\n" + t.body(), categories[article], 1.0));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("data", "bench/target/kb-bench");
        o.put("kb", "src/test/resources/kb/rutube-support-kb.csv");
        o.put("articles", "10000");
        o.put("tickets", "1000000");
        o.put("warmup", "2000");
        o.put("queries", "5000");
        o.put("direct", "20000");
        o.put("reindex", "false");
        o.put("categorise-tickets", "1000000");
        o.put("max-examples", "200000");
        o.put("phases", "index,direct,suggest,search,categorise");
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (!o.containsKey(name)) {
                System.err.println("unknown option " + args[i] + "; options: " + o.keySet());
                System.exit(2);
            }
            o.put(name, name.equals("reindex") ? "true" : args[++i]);
        }
        new KnowledgeBenchmark(o).run();
        System.exit(0);
    }

    private void run() throws Exception {
        machine();
        Path data = Path.of(options.get("data")).toAbsolutePath();
        Files.createDirectories(data);
        context = new SpringApplicationBuilder(LiniaApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .initializers(c -> ((GenericApplicationContext) c).registerBean(GeneratedTickets.class, () -> generated))
                .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("linia")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "--linia.knowledge.index-dir=" + data.resolve("index"),
                        "--linia.knowledge.rebuild-index-on-start=false",
                        "--linia.demo.enabled=false", "--spring.jmx.enabled=false", "--logging.level.root=WARN",
                        // the categorise phase trains the categoriser itself, and times it
                        "--linia.categorisation.train-on-start=false", "--linia.categorisation.retrain-cron=-",
                        "--linia.categorisation.max-examples=" + options.get("max-examples"));
        try {
            int articles = Integer.parseInt(options.get("articles"));
            long tickets = Long.parseLong(options.get("tickets"));
            List<Long> articleIds = articles(articles);
            boolean inserted = tickets(tickets, articleIds);
            List<String> phases = List.of(options.get("phases").split(","));
            if (inserted || Boolean.parseBoolean(options.get("reindex")) || indexed() != articleIds.size() + tickets) {
                massIndex();
            } else {
                System.out.printf(Locale.ROOT, "index: %,d documents already indexed (--reindex to measure the mass indexer again)%n", indexed());
            }
            if (phases.contains("direct")) {
                directIndexing(Integer.parseInt(options.get("direct")), articleIds);
            }
            if (phases.contains("suggest")) {
                suggestions(articleIds);
            }
            if (phases.contains("search")) {
                search(articleIds);
            }
            if (phases.contains("categorise")) {
                categorisation(articleIds);
            }
        } finally {
            context.close();
        }
    }

    // ---------------------------------------------------------------- data

    private List<Long> articles(int wanted) {
        ArticleRepository repository = context.getBean(ArticleRepository.class);
        long have = repository.count();
        if (have != 0 && have != wanted) {
            throw new IllegalStateException(have + " articles under " + options.get("data") + ", not " + wanted
                    + ": delete that directory to generate anew");
        }
        if (have == 0) {
            long start = System.nanoTime();
            RoutingAdministration routing = context.getBean(RoutingAdministration.class);
            Map<String, Long> categories = new HashMap<>();
            KnowledgeBase kb = context.getBean(KnowledgeBase.class);
            List<ArticleCommand> batch = new ArrayList<>();
            for (int n = 0; n < wanted; n++) {
                BenchTexts.Entry e = texts.article(n);
                Long parent = categories.computeIfAbsent(e.level1(), name -> category(routing, categories.size(), name, null));
                Long category = categories.computeIfAbsent(e.level1() + "\n" + e.level2(),
                        k -> category(routing, categories.size(), e.level2(), parent));
                batch.add(new ArticleCommand(e.title(), e.body(), category, n % 10 == 9 ? Audience.INTERNAL : Audience.PUBLIC,
                        "ru", "", ArticleStatus.PUBLISHED, null, null));
                if (batch.size() == 500 || n == wanted - 1) {
                    kb.createAll(ADMIN, batch);
                    batch.clear();
                }
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "articles: %,d created through KnowledgeBase (indexed as they commit) in %.1f s: %.0f /s%n",
                    wanted, s, wanted / s);
        }
        return context.getBean(JdbcTemplate.class).queryForList("select id from kb_article order by id", Long.class);
    }

    private static Long category(RoutingAdministration routing, int existing, String name, Long parentId) {
        String n = name.isBlank() ? "—" : name.length() > 120 ? name.substring(0, 120) : name;
        return routing.createCategory(new CategoryCommand("bench-" + (existing + 1), n, n, null, true, parentId)).id();
    }

    /** Past tickets answered with an article (kb_evidence rows), written with JDBC batches; true when some were added. */
    private boolean tickets(long wanted, List<Long> articleIds) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long have = jdbc.queryForObject("select count(*) from kb_evidence", Long.class);
        if (have >= wanted) {
            return false;
        }
        long start = System.nanoTime();
        Timestamp now = Timestamp.from(Instant.parse("2026-11-01T00:00:00Z"));
        try (Connection c = context.getBean(DataSource.class).getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "insert into kb_evidence (id, article_id, ticket_id, text, created_at) values (?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (long n = have; n < wanted; n++) {
                int article = ticketArticle(n, articleIds.size());
                BenchTexts.Text t = texts.ticket(n, article);
                insert.setLong(1, n + 1);
                insert.setLong(2, articleIds.get(article));
                insert.setLong(3, n + 1);
                insert.setString(4, t.subject() + "\n" + t.body()); // as Ticket.customerText(): subject, then the message
                insert.setTimestamp(5, now);
                insert.addBatch();
                if ((n + 1) % 2_000 == 0 || n == wanted - 1) {
                    insert.executeBatch();
                    c.commit();
                }
                if ((n + 1) % 200_000 == 0) {
                    System.out.printf(Locale.ROOT, "  tickets written: %,d%n", n + 1);
                }
            }
        }
        jdbc.execute("alter sequence kb_evidence_seq restart with " + (wanted + 1000));
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "tickets: %,d past tickets answered with an article written to the database in %.1f s (not indexed yet)%n",
                wanted - have, s);
        return true;
    }

    /** Which article a ticket asked about: skewed, as in real desks a few questions come again and again. */
    private static int ticketArticle(long n, int articles) {
        double u = new Random(n * 1_000_033L + 17).nextDouble();
        return (int) Math.min(articles - 1, Math.floor(articles * u * u * u));
    }

    private long indexed() {
        EntityManager em = context.getBean(EntityManagerFactory.class).createEntityManager();
        try {
            return Search.session(em).search(List.of(io.linia.knowledge.internal.Article.class, ArticleEvidence.class))
                    .where(f -> f.matchAll()).fetchTotalHitCount();
        } finally {
            em.close();
        }
    }

    // ---------------------------------------------------------------- index build

    /** The administrator's "rebuild the index" (SearchIndexMaintenance), from the database. */
    private void massIndex() throws InterruptedException {
        SearchIndexMaintenance maintenance = context.getBean(SearchIndexMaintenance.class);
        long start = System.nanoTime();
        if (!maintenance.rebuild()) {
            throw new IllegalStateException("a rebuild is running already");
        }
        long lastPrint = start;
        SearchIndexStatus status;
        do {
            Thread.sleep(500);
            status = maintenance.status();
            if (System.nanoTime() - lastPrint > 30e9) {
                lastPrint = System.nanoTime();
                System.out.printf(Locale.ROOT, "  mass indexer: %,d of %,d documents, %.0f s%n", status.done(), status.total(),
                        (lastPrint - start) / 1e9);
            }
        } while (status.running());
        double s = (System.nanoTime() - start) / 1e9;
        if (status.lastError() != null) {
            throw new IllegalStateException("the mass indexer failed: " + status.lastError());
        }
        System.out.printf(Locale.ROOT, "INDEX BUILD mass indexer (SearchIndexMaintenance.rebuild: 2 loading threads, batches of 200): "
                + "%,d documents in %.1f s: %.0f documents/s (target ≥ 2,000 tickets/s)%n", status.done(), s, status.done() / s);
    }

    /** Past tickets indexed as the app records them: through the repository, Hibernate Search indexing at commit. */
    private void directIndexing(int count, List<Long> articleIds) {
        if (count <= 0) {
            return;
        }
        ArticleEvidenceRepository evidence = context.getBean(ArticleEvidenceRepository.class);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        IntFunction<ArticleEvidence> ticket = i -> {
            int article = ticketArticle(3_000_000L + i, articleIds.size());
            BenchTexts.Text t = texts.ticket(3_000_000L + i, article);
            return new ArticleEvidence(articleIds.get(article), DIRECT_TICKET_IDS + i, t.subject() + "\n" + t.body(), Instant.now());
        };
        int single = Math.min(2_000, count / 10);
        long start = System.nanoTime();
        for (int i = 0; i < single; i++) {
            ArticleEvidence e = ticket.apply(i);
            tx.executeWithoutResult(s -> evidence.save(e)); // one answer, one transaction: what TicketEvidence does
        }
        double singleSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        for (int from = single; from < count; from += 1_000) {
            List<ArticleEvidence> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 1_000); i++) {
                batch.add(ticket.apply(i));
            }
            tx.executeWithoutResult(s -> evidence.saveAll(batch));
        }
        double batchSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "INDEX BUILD direct, one ticket per transaction (as answers commit): %,d tickets in %.1f s: %.0f tickets/s%n",
                single, singleSeconds, single / singleSeconds);
        System.out.printf(Locale.ROOT, "INDEX BUILD direct, 1,000 tickets per transaction: %,d tickets in %.1f s: %.0f tickets/s%n",
                count - single, batchSeconds, (count - single) / batchSeconds);
        // leave the generated data as it was: out of the index, then out of the table
        tx.executeWithoutResult(s -> {
            EntityManager em = context.getBean(EntityManagerFactory.class).createEntityManager();
            try {
                List<Long> ids = context.getBean(JdbcTemplate.class)
                        .queryForList("select id from kb_evidence where ticket_id >= ?", Long.class, DIRECT_TICKET_IDS);
                var plan = Search.session(em).indexingPlan();
                ids.forEach(id -> plan.purge(ArticleEvidence.class, id, null));
                plan.execute();
            } finally {
                em.close();
            }
        });
        context.getBean(JdbcTemplate.class).update("delete from kb_evidence where ticket_id >= ?", DIRECT_TICKET_IDS);
    }

    // ---------------------------------------------------------------- queries

    private void suggestions(List<Long> articleIds) {
        ArticleSuggestions suggestions = context.getBean(ArticleSuggestions.class);
        int warmup = Integer.parseInt(options.get("warmup"));
        int queries = Integer.parseInt(options.get("queries"));
        long[] nanos = new long[queries];
        int found = 0;
        for (int i = 0; i < warmup + queries; i++) {
            long n = 5_000_000L + i;
            int article = ticketArticle(n, articleIds.size());
            BenchTexts.Text t = texts.ticket(n, article);
            long start = System.nanoTime();
            List<ArticleHit> hits = suggestions.forText(t.subject(), t.body(), false, ArticleSuggestions.FOR_AGENTS);
            long took = System.nanoTime() - start;
            if (i >= warmup) {
                nanos[i - warmup] = took;
                long id = articleIds.get(article);
                found += hits.stream().anyMatch(h -> h.id() == id) ? 1 : 0;
            }
        }
        print("SUGGESTION for one ticket (ArticleSuggestions.forText, top 5, subject + body)", nanos, "target p95 ≤ 15 ms");
        System.out.printf(Locale.ROOT, "  (sanity: the article a generated ticket was made from is among the 5 in %.1f%% of them)%n",
                100.0 * found / queries);
    }

    private void search(List<Long> articleIds) {
        KnowledgeBase kb = context.getBean(KnowledgeBase.class);
        int warmup = Integer.parseInt(options.get("warmup"));
        int queries = Integer.parseInt(options.get("queries"));
        long[] nanos = new long[queries];
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < warmup + queries; i++) {
            long n = 7_000_000L + i;
            String q = texts.search(n, ticketArticle(n, articleIds.size()));
            long start = System.nanoTime();
            try {
                kb.search(ADMIN, ArticleSearch.of(q));
            } catch (RuntimeException e) {
                failed.add("'" + q + "': " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            long took = System.nanoTime() - start;
            if (i >= warmup) {
                nanos[i - warmup] = took;
            }
        }
        print("ARTICLE SEARCH (KnowledgeBase.search, 1-4 words, 20 hits, highlighted)", nanos, "target p95 ≤ 10 ms");
        if (!failed.isEmpty()) {
            System.out.printf(Locale.ROOT, "  FAILED searches: %d of %d, e.g.:%n", failed.size(), warmup + queries);
            failed.stream().limit(5).forEach(f -> System.out.println("    " + f));
        }
    }

    // ---------------------------------------------------------------- categorisation

    private void categorisation(List<Long> articleIds) throws InterruptedException {
        List<Long> categories = context.getBean(JdbcTemplate.class)
                .queryForList("select category_id from kb_article order by id", Long.class);
        long[] categoryOfArticle = categories.stream().mapToLong(Long::longValue).toArray();
        long tickets = Long.parseLong(options.get("categorise-tickets"));
        generated.configure(categoryOfArticle, tickets);
        TicketCategoriser categoriser = context.getBean(TicketCategoriser.class);
        while (categoriser.status().training()) {
            Thread.sleep(100);
        }
        java.time.Instant before = categoriser.status().trainedAt();
        long start = System.nanoTime();
        categoriser.retrainNow();
        long lastPrint = start;
        while (categoriser.status().training()) {
            Thread.sleep(200);
            if (System.nanoTime() - lastPrint > 30e9) {
                lastPrint = System.nanoTime();
                System.out.printf(Locale.ROOT, "  categoriser training: %.0f s%n", (lastPrint - start) / 1e9);
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        CategoriserStatus status = categoriser.status();
        if (status.trainedAt() == null || status.trainedAt().equals(before)) {
            throw new IllegalStateException("the categoriser did not train: " + status.lastError());
        }
        System.out.printf(Locale.ROOT, "CATEGORISER TRAINING (TicketCategoriser.retrainNow, background thread): %,d generated tickets"
                        + " + %,d articles read, %,d examples kept (max-examples %s), %d categories, held-out accuracy %.3f;"
                        + " %.1f s in the trainer (reading, features, LIBLINEAR), %.1f s until the model was in use%n",
                tickets, articleIds.size(), status.examples(), options.get("max-examples"), status.categories(),
                status.accuracy() == null ? Double.NaN : status.accuracy(), status.trainingMillis() / 1e3, wall);

        int warmup = Integer.parseInt(options.get("warmup"));
        int queries = Integer.parseInt(options.get("queries"));
        long[] nanos = new long[queries];
        int right = 0;
        int confident = 0;
        for (int i = 0; i < warmup + queries; i++) {
            long n = 9_000_000L + i;
            int article = ticketArticle(n, articleIds.size());
            BenchTexts.Text t = texts.ticket(n, article);
            long s = System.nanoTime();
            Categorisation c = categoriser.categorise(t.subject(), t.body());
            long took = System.nanoTime() - s;
            if (i >= warmup) {
                nanos[i - warmup] = took;
                right += c.hasSuggestion() && c.categoryId() == categoryOfArticle[article] ? 1 : 0;
                confident += c.confident() ? 1 : 0;
            }
        }
        print("CATEGORISATION of one ticket (TicketCategoriser.categorise, subject + body)", nanos, "target ≤ 5 ms");
        System.out.printf(Locale.ROOT, "  (sanity: the category of the article a new generated ticket was made from comes first for %.1f%%;"
                + " confident for %.1f%%)%n", 100.0 * right / queries, 100.0 * confident / queries);
    }

    private static void print(String what, long[] nanos, String target) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: %,d calls, one at a time: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (%s)%n",
                what, sorted.length, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1] / 1e6, target);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static void machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "machine: %d cores (%s), JVM %s %s, max heap %,d MiB, args %s%n",
                rt.availableProcessors(), cpu, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                rt.maxMemory() >> 20, ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.println("store: embedded H2 file + Lucene index on disk under --data; single caller thread for latencies");
    }
}
