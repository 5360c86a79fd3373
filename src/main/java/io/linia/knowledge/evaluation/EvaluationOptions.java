package io.linia.knowledge.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code evaluate}: the knowledge base and the cases (CSV files), their column
 * names (defaults match the rutube knowledge base), the number of folds for the learned setting,
 * and where to write the JSON report. Bad arguments are refused with {@link BadArguments}.
 */
public record EvaluationOptions(Path kb, Path cases, int folds, long seed, Path out,
                                String kbTitle, String kbBody, String kbTopic, String kbLevel1, String kbLevel2,
                                String caseQuestion, String caseGold, String caseLevel1, String caseLevel2) {

    public static final String USAGE = """
            usage: java -jar linia.jar evaluate --kb kb.csv --cases cases.csv [options]
              --folds K            folds of the cross-validation for the learned setting (default 5, at least 2)
              --seed N             how the cases are dealt to folds (default 42)
              --out report.json    also write the figures as JSON
              --kb-title NAME      knowledge-base columns (defaults: 'Вопрос из БЗ', 'Ответ из БЗ', 'Тема',
              --kb-body NAME         'Классификатор 1 уровня', 'Классификатор 2 уровня'; --kb-topic, --kb-level1
              --kb-topic NAME        and --kb-level2 may name absent columns: then they are not used)
              --kb-level1 NAME
              --kb-level2 NAME
              --case-question NAME cases' question column (default 'Вопрос пользователя')
              --case-gold NAME     cases' column naming the right article by its title (default 'Вопрос из БЗ')
              --case-level1 NAME   cases' categories (default: as the knowledge base's; when the cases file
              --case-level2 NAME     has no such column, the gold article's categories are used)
            """;

    /** Refused arguments; the message says what is wrong. */
    public static final class BadArguments extends Exception {
        public BadArguments(String message) {
            super(message);
        }
    }

    private static final List<String> NAMES = List.of("--kb", "--cases", "--folds", "--seed", "--out", "--kb-title",
            "--kb-body", "--kb-topic", "--kb-level1", "--kb-level2", "--case-question", "--case-gold", "--case-level1",
            "--case-level2");

    public static EvaluationOptions parse(String... args) throws BadArguments {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!NAMES.contains(name)) {
                throw new BadArguments("unknown argument: " + args[i]);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new BadArguments(name + " needs a value");
                }
                value = args[++i];
            }
            if (given.put(name, value) != null) {
                throw new BadArguments(name + " given twice");
            }
        }
        Path kb = existingFile(given, "--kb");
        Path cases = existingFile(given, "--cases");
        int folds = number(given, "--folds", 5);
        if (folds < 2 || folds > 100) {
            throw new BadArguments("--folds must be between 2 and 100, not " + folds);
        }
        long seed = number(given, "--seed", 42);
        Path out = given.containsKey("--out") ? Path.of(given.get("--out")) : null;
        if (out != null && (Files.isDirectory(out) || (out.toAbsolutePath().getParent() != null
                && !Files.isDirectory(out.toAbsolutePath().getParent())))) {
            throw new BadArguments("--out: cannot write a file at " + out);
        }
        String level1 = text(given, "--kb-level1", "Классификатор 1 уровня");
        String level2 = text(given, "--kb-level2", "Классификатор 2 уровня");
        return new EvaluationOptions(kb, cases, folds, seed, out,
                text(given, "--kb-title", "Вопрос из БЗ"), text(given, "--kb-body", "Ответ из БЗ"),
                text(given, "--kb-topic", "Тема"), level1, level2,
                text(given, "--case-question", "Вопрос пользователя"), text(given, "--case-gold", "Вопрос из БЗ"),
                text(given, "--case-level1", level1), text(given, "--case-level2", level2));
    }

    private static Path existingFile(Map<String, String> given, String name) throws BadArguments {
        String value = given.get(name);
        if (value == null) {
            throw new BadArguments(name + " is required");
        }
        Path p = Path.of(value);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new BadArguments(name + ": no readable file " + value);
        }
        return p;
    }

    private static int number(Map<String, String> given, String name, int otherwise) throws BadArguments {
        String value = given.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadArguments(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static String text(Map<String, String> given, String name, String otherwise) throws BadArguments {
        String value = given.getOrDefault(name, otherwise);
        if (value.isBlank()) {
            throw new BadArguments(name + " must not be empty");
        }
        return EvaluationCsv.key(value);
    }
}
