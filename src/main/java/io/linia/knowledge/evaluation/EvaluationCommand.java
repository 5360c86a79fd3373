package io.linia.knowledge.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.linia.knowledge.evaluation.EvaluationCsv.Table;
import io.linia.knowledge.evaluation.EvaluationOptions.BadArguments;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * {@code java -jar linia.jar evaluate --kb kb.csv --cases cases.csv [options]}: how well Linia's
 * suggestions find the right article for real questions. Starts Linia without its web server on a
 * private in-memory database and search index (nothing of ./data/ is touched, no demo data), runs
 * {@link KnowledgeEvaluation}, prints the figures and returns the exit code: 0 done, 2 bad arguments
 * or unusable files (with a message saying which), 1 when the evaluation itself failed.
 */
public final class EvaluationCommand {

    public static final String NAME = "evaluate";

    private EvaluationCommand() {
    }

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        EvaluationOptions options;
        Table kb;
        Table cases;
        try {
            options = EvaluationOptions.parse(args);
            kb = EvaluationCsv.read(options.kb(), "--kb");
            kb.require("--kb-title", options.kbTitle());
            kb.require("--kb-body", options.kbBody());
            cases = EvaluationCsv.read(options.cases(), "--cases");
            cases.require("--case-question", options.caseQuestion());
            cases.require("--case-gold", options.caseGold());
        } catch (BadArguments e) {
            err.println("evaluate: " + e.getMessage());
            err.print(EvaluationOptions.USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = start(application)) {
            KnowledgeEvaluation evaluation = context.getAutowireCapableBeanFactory().createBean(KnowledgeEvaluation.class);
            EvaluationReport report = evaluation.run(options, kb, cases);
            out.print(report.toText());
            if (options.out() != null) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.out().toFile(), report);
                out.println("\nreport written to " + options.out());
            }
            out.flush();
            return 0;
        } catch (BadArguments e) {
            err.println("evaluate: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("evaluate: cannot write " + options.out() + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("evaluate: failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /**
     * Linia on its own throw-away store: no web server, in-memory H2 and Lucene index, no demo data, quiet
     * logs, no categoriser training of its own accord, and {@link EvaluationPastTickets} as one more
     * source of categorisation examples.
     */
    private static ConfigurableApplicationContext start(Class<?> application) {
        List<String> properties = List.of(
                "--spring.datasource.url=jdbc:h2:mem:eval-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--spring.jpa.properties.hibernate.search.backend.directory.type=local-heap",
                "--linia.demo.enabled=false",
                "--linia.knowledge.rebuild-index-on-start=false",
                // the evaluation trains the categoriser itself, when the articles (and past tickets) are in
                "--linia.categorisation.train-on-start=false",
                "--linia.categorisation.retrain-cron=-",
                "--spring.jmx.enabled=false",
                "--logging.level.root=WARN");
        return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // the past tickets of the learned setting: a source of categorisation examples only this context has
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean(EvaluationPastTickets.class, EvaluationPastTickets::new))
                .run(properties.toArray(String[]::new));
    }
}
