package io.linia.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linia.LiniaApplication;
import io.linia.knowledge.evaluation.EvaluationCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code evaluate} command end to end, as {@code java -jar linia.jar evaluate ...} runs it (each
 * run starts its own Linia without a web server on a private in-memory store).
 */
class EvaluationCommandTest {

    static final String KB = "src/test/resources/kb/rutube-support-kb.csv";
    static final String SAMPLE = "src/test/resources/kb/rutube-cases-sample.csv";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Run evaluate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = EvaluationCommand.run(LiniaApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, JsonNode> settings(JsonNode report) {
        Map<String, JsonNode> bySetting = new HashMap<>();
        report.get("articleRanking").forEach(s -> bySetting.put(s.get("setting").asText(), s));
        return bySetting;
    }

    private static Map<String, JsonNode> categorySettings(JsonNode report) {
        Map<String, JsonNode> bySetting = new HashMap<>();
        report.get("categorisation").get("scores").forEach(s -> bySetting.put(s.get("setting").asText(), s));
        return bySetting;
    }

    /**
     * The category part as every evaluation must give it: both settings, shares in [0, 1], level 1 at least
     * as right as level 2 (a right leaf has the right parent), confident cases a part of all, and a level-1
     * confusion matrix over every level-1 category whose rows add up to the cases.
     */
    private static Map<String, JsonNode> assertCategoryPart(JsonNode report, int cases) {
        JsonNode part = report.get("categorisation");
        assertThat(part.get("cases").asInt()).isEqualTo(cases);
        assertThat(part.get("input").asText()).contains("subject = the question");
        JsonNode majority = part.get("majority");
        assertThat(majority.get("level1Category").asText()).isEqualTo("УПРАВЛЕНИЕ АККАУНТОМ");
        assertThat(majority.get("level2Category").asText()).isEqualTo("УПРАВЛЕНИЕ АККАУНТОМ / Персонализация");
        assertThat(majority.get("level2Accuracy").asDouble()).isBetween(0.0, majority.get("level1Accuracy").asDouble());
        Map<String, JsonNode> s = categorySettings(report);
        assertThat(s).containsOnlyKeys("linia-cold", "linia-learned");
        for (JsonNode score : s.values()) {
            assertThat(score.get("cases").asInt()).isEqualTo(cases);
            double level2 = score.get("level2Accuracy").asDouble();
            double level1 = score.get("level1Accuracy").asDouble();
            List<Double> shares = List.of(level2, level1, score.get("unanswered").asDouble(), score.get("confidentShare").asDouble());
            assertThat(shares).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
            assertThat(level1).isGreaterThanOrEqualTo(level2);
            for (String onConfident : List.of("confidentLevel2Accuracy", "confidentLevel1Accuracy")) {
                JsonNode v = score.get(onConfident);
                assertThat(v.isNull() || (v.asDouble() >= 0 && v.asDouble() <= 1)).as(onConfident).isTrue();
            }
            JsonNode matrix = score.get("level1Confusion");
            int classes = matrix.get("names").size();
            assertThat(classes).isEqualTo(11); // the rutube base's level-1 categories
            assertThat(matrix.get("labels")).hasSize(classes);
            assertThat(matrix.get("counts")).hasSize(classes);
            int total = 0;
            int diagonal = 0;
            for (int g = 0; g < classes; g++) {
                JsonNode row = matrix.get("counts").get(g);
                assertThat(row).hasSize(classes + 1); // and "no suggestion"
                for (JsonNode cell : row) {
                    total += cell.asInt();
                }
                diagonal += row.get(g).asInt();
            }
            assertThat(total).isEqualTo(cases);
            // the diagonal is what level-1 accuracy counts
            assertThat((double) diagonal / cases).isCloseTo(level1, org.assertj.core.data.Offset.offset(1e-9));
            for (String perClass : List.of("precision", "recall")) {
                assertThat(matrix.get(perClass)).hasSize(classes)
                        .allSatisfy(v -> assertThat(v.isNull() || (v.asDouble() >= 0 && v.asDouble() <= 1)).isTrue());
            }
        }
        return s;
    }

    @Test
    void sampleOfUsersQuestionsIsScoredInThreeSettings() throws Exception {
        Path json = dir.resolve("report.json");
        Run run = evaluate("--kb", KB, "--cases", SAMPLE, "--out", json.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("bm25-floor", "linia-cold", "linia-learned", "MRR@5", "326 articles");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("articles").asInt()).isEqualTo(326);
        assertThat(report.get("casesRead").asInt()).isEqualTo(42);
        // the fixture's odd characters (BOM, non-breaking and zero-width spaces, a question on two lines) do not lose a case
        assertThat(report.get("casesWithoutGold").asInt()).isZero();
        assertThat(report.get("casesEvaluated").asInt()).isEqualTo(42);
        assertThat(report.get("folds").asInt()).isEqualTo(5);
        Map<String, JsonNode> s = settings(report);
        assertThat(s).containsOnlyKeys("bm25-floor", "linia-cold", "linia-learned");
        for (JsonNode score : s.values()) {
            assertThat(score.get("cases").asInt()).isEqualTo(42);
            double top1 = score.get("top1").asDouble();
            double top3 = score.get("top3").asDouble();
            double top5 = score.get("top5").asDouble();
            double mrr = score.get("mrr5").asDouble();
            assertThat(List.of(top1, top3, top5, mrr)).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
            assertThat(top1).isLessThanOrEqualTo(top3);
            assertThat(top3).isLessThanOrEqualTo(top5);
            assertThat(mrr).isBetween(top1, top5);
        }
        // Linia's own analysis and boosts rank paraphrases better than the plain BM25 floor
        assertThat(s.get("linia-cold").get("mrr5").asDouble()).isGreaterThan(s.get("bm25-floor").get("mrr5").asDouble());

        // the sample names no categories: its gold articles' categories are the gold
        assertThat(report.get("categorisation").get("goldFrom").asText()).contains("gold article");
        Map<String, JsonNode> categories = assertCategoryPart(report, 42);
        assertThat(run.out()).contains("Category of the question", "majority-baseline", "Level-1 confusion, linia-cold",
                "Level-1 confusion, linia-learned", "УА = УПРАВЛЕНИЕ АККАУНТОМ");
        // paraphrased questions, a categoriser that learnt from the articles alone: still far above always-the-majority
        assertThat(categories.get("linia-cold").get("level1Accuracy").asDouble())
                .isGreaterThan(report.get("categorisation").get("majority").get("level1Accuracy").asDouble());
    }

    @Test
    void knowledgeBaseQuestionsAskedVerbatimFindTheirArticleFirst() throws Exception {
        Path json = dir.resolve("verbatim.json");
        Run run = evaluate("--kb", KB, "--cases", KB, "--case-question", "Вопрос из БЗ", "--folds", "3", "--out", json.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        String cold = run.out().lines().filter(l -> l.strip().startsWith("linia-cold")).findFirst().orElseThrow();
        // "  linia-cold  326  top-1 top-3 top-5 MRR@5"
        String[] cells = cold.strip().split("\\s+");
        assertThat(cells[1]).isEqualTo("326");
        assertThat(Double.parseDouble(cells[2])).isGreaterThanOrEqualTo(0.9);

        // the base's own category columns are the gold; both settings beat always answering the most frequent category
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("categorisation").get("goldFrom").asText()).contains("cases' columns");
        Map<String, JsonNode> categories = assertCategoryPart(report, 326);
        JsonNode majority = report.get("categorisation").get("majority");
        for (JsonNode score : categories.values()) {
            assertThat(score.get("level2Accuracy").asDouble()).as(score.get("setting").asText())
                    .isGreaterThan(majority.get("level2Accuracy").asDouble() + 0.3);
            assertThat(score.get("level1Accuracy").asDouble()).as(score.get("setting").asText())
                    .isGreaterThan(majority.get("level1Accuracy").asDouble() + 0.3);
        }
    }

    @Test
    void casesWhoseGoldIsNotInTheKnowledgeBaseAreCountedAndLeftOut() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("\uFEFFВопрос пользователя,Вопрос из БЗ");
        lines.add("как поменять пароль,\"Как\u00A0сменить пароль?\u200B\"");
        lines.add("забыл пароль,Как восстановить пароль?");
        lines.add("как удалить аккаунт,\"Я хочу удалить свой   аккаунт.\nКак это сделать?\"");
        lines.add("как переименовать канал,Как изменить название моего канала на RUTUBE?");
        lines.add("где настройки роботов-пылесосов,Такой статьи нет");
        lines.add(",Как восстановить пароль?");
        Path cases = Files.writeString(dir.resolve("cases.csv"), String.join("\r\n", lines) + "\r\n");
        Path json = dir.resolve("r.json");

        Run run = evaluate("--kb", KB, "--cases", cases.toString(), "--folds", "2", "--out", json.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("casesRead").asInt()).isEqualTo(6);
        assertThat(report.get("casesBlank").asInt()).isEqualTo(1);
        assertThat(report.get("casesWithoutGold").asInt()).isEqualTo(1);
        assertThat(report.get("casesEvaluated").asInt()).isEqualTo(4);
    }

    @Test
    void casesOwnCategoryColumnsAreTheGoldOverTheirArticles() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("Вопрос пользователя,Вопрос из БЗ,Классификатор 1 уровня,Классификатор 2 уровня");
        // the article is under УПРАВЛЕНИЕ АККАУНТОМ / Персонализация; the case says otherwise, and the case wins
        lines.add("как поменять пароль,Как сменить пароль?,ВИДЕО,Загрузка видео");
        lines.add("забыл пароль,Как восстановить пароль?,УПРАВЛЕНИЕ АККАУНТОМ,Персонализация");
        // a category the knowledge base does not have: the desk has it, only past tickets can teach it
        lines.add("как удалить аккаунт,\"Я хочу удалить свой аккаунт. Как это сделать?\",ЖАЛОБЫ,Прочее");
        lines.add("как переименовать канал,Как изменить название моего канала на RUTUBE?,,");
        Path cases = Files.writeString(dir.resolve("categorised.csv"), String.join("\n", lines) + "\n");
        Path json = dir.resolve("c.json");

        Run run = evaluate("--kb", KB, "--cases", cases.toString(), "--folds", "2", "--out", json.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("casesEvaluated").asInt()).isEqualTo(4);
        JsonNode part = report.get("categorisation");
        assertThat(part.get("goldFrom").asText()).contains("cases' columns");
        assertThat(part.get("cases").asInt()).isEqualTo(3);
        assertThat(part.get("casesWithoutCategory").asInt()).isEqualTo(1);
        for (JsonNode score : part.get("scores")) {
            JsonNode matrix = score.get("level1Confusion");
            List<String> names = new ArrayList<>();
            matrix.get("names").forEach(n -> names.add(n.asText()));
            assertThat(names).hasSize(12).endsWith("ЖАЛОБЫ");
            Map<String, Integer> rowSums = new HashMap<>();
            for (int g = 0; g < names.size(); g++) {
                int sum = 0;
                for (JsonNode cell : matrix.get("counts").get(g)) {
                    sum += cell.asInt();
                }
                rowSums.put(names.get(g), sum);
            }
            assertThat(rowSums).containsEntry("ВИДЕО", 1).containsEntry("УПРАВЛЕНИЕ АККАУНТОМ", 1).containsEntry("ЖАЛОБЫ", 1);
            assertThat(rowSums.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        }
    }

    @Test
    void badArgumentsExitWithTwoAndSayWhatIsWrong() throws Exception {
        Run unknown = evaluate("--kb", KB, "--cases", SAMPLE, "--flods", "5");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown argument: --flods").contains("usage:");

        Run missing = evaluate("--kb", KB);
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--cases is required");

        Run folds = evaluate("--kb", KB, "--cases", SAMPLE, "--folds", "один");
        assertThat(folds.exit()).isEqualTo(2);
        assertThat(folds.err()).contains("--folds must be a whole number");

        Run column = evaluate("--kb", KB, "--cases", SAMPLE, "--case-question", "Вопрос клиента");
        assertThat(column.exit()).isEqualTo(2);
        assertThat(column.err()).contains("no column 'Вопрос клиента'").contains("Вопрос пользователя");

        Path latin1 = Files.write(dir.resolve("latin1.csv"), "Вопрос пользователя,Вопрос из БЗ\nпароль,x\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1251")));
        Run encoding = evaluate("--kb", KB, "--cases", latin1.toString());
        assertThat(encoding.exit()).isEqualTo(2);
        assertThat(encoding.err()).contains("is not UTF-8 text");

        Run noFile = evaluate("--kb", dir.resolve("nope.csv").toString(), "--cases", SAMPLE);
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("--kb: no readable file");
    }
}
