package io.linia.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Deterministic Russian texts for the knowledge benchmark, made from the rutube knowledge base:
 * articles are its entries and variations of them (a qualifier in the title, sentences of other
 * articles of the same section in the body); tickets are paraphrased questions: the words of an
 * article's title, some dropped or misspelt, mixed with greetings, colloquial padding and words
 * from elsewhere in the base.
 */
final class BenchTexts {

    record Entry(String title, String body, String level1, String level2) {
    }

    record Text(String subject, String body) {
    }

    private static final String[] QUALIFIERS = {
            "в приложении для Android", "в приложении для iOS", "на Smart TV", "в Студии RUTUBE", "в веб-версии",
            "для детского профиля", "для юридических лиц", "для самозанятых", "на планшете", "в мобильном браузере",
            "после обновления", "для каналов с трансляциями", "для новых авторов", "в личном кабинете",
            "за пределами России", "для верифицированных каналов", "в режиме инкогнито", "через VPN",
            "с двухфакторной защитой", "в 2025 году"};
    private static final String[] OPENERS = {
            "Здравствуйте!", "Добрый день.", "Привет,", "Подскажите пожалуйста,", "Помогите!", "Срочно нужна помощь.",
            "Уважаемая поддержка,", "Вопрос такой:", "Не могу разобраться.", ""};
    private static final String[] FILLERS = {
            "уже третий день", "никак не получается", "что делать", "пробовал всё", "очень нужно", "перезагружал",
            "с телефона", "с компьютера", "вчера всё работало", "раньше такого не было", "помогите разобраться",
            "сколько можно ждать", "заранее спасибо", "подскажите куда нажать", "пишет ошибку", "ничего не происходит"};
    private static final String[] CLOSERS = {
            "Спасибо.", "Жду ответа.", "С уважением, Анна.", "Заранее благодарю!", "Ответьте побыстрее.", "", ""};

    private final List<Entry> kb;
    private final List<String> vocabulary;

    BenchTexts(Path kbCsv) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Map<String, Boolean> words = new LinkedHashMap<>();
        try (java.io.BufferedReader reader = Files.newBufferedReader(kbCsv, StandardCharsets.UTF_8)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                Entry e = new Entry(clean(r.get("Вопрос из БЗ")), clean(r.get("Ответ из БЗ")),
                        clean(r.get("Классификатор 1 уровня")), clean(r.get("Классификатор 2 уровня")));
                entries.add(e);
                for (String w : (e.title() + " " + e.body()).split("[^\\p{L}\\p{N}-]+")) {
                    if (w.length() >= 4) {
                        words.put(w.toLowerCase(java.util.Locale.ROOT), true);
                    }
                }
            }
        }
        this.kb = List.copyOf(entries);
        this.vocabulary = List.copyOf(words.keySet());
    }

    private static String clean(String s) {
        return s.replaceAll("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]", "").replace('\u00A0', ' ').strip();
    }

    List<Entry> knowledgeBase() {
        return kb;
    }

    /** Article {@code n}: the knowledge base's own entries first, then variations of them. */
    Entry article(int n) {
        Entry base = kb.get(n % kb.size());
        if (n < kb.size()) {
            return base;
        }
        Random r = new Random(1_000_003L * n);
        String title = base.title().replaceAll("[?.!]+$", "") + " " + QUALIFIERS[(n / kb.size() + r.nextInt(3)) % QUALIFIERS.length];
        if (title.length() > 250) {
            title = title.substring(0, 250);
        }
        StringBuilder body = new StringBuilder(base.body());
        for (int i = 0; i < 2; i++) {
            Entry other = kb.get(r.nextInt(kb.size()));
            String[] sentences = other.body().split("(?<=[.!?])\\s+");
            body.append("\n\n").append(sentences[r.nextInt(sentences.length)]);
        }
        return new Entry(title, body.toString(), base.level1(), base.level2());
    }

    /** Ticket {@code n}, a question about article {@code articleIndex}. */
    Text ticket(long n, int articleIndex) {
        Random r = new Random(0x9E3779B97F4A7C15L ^ (n * 31 + 7));
        Entry about = article(articleIndex);
        List<String> words = new ArrayList<>(List.of(about.title().replaceAll("[?!.,«»\"()]", " ").strip().split("\\s+")));
        // people leave words out, misspell some, and add their own
        words.removeIf(w -> r.nextInt(5) == 0 && words.size() > 2);
        for (int i = 0; i < words.size(); i++) {
            if (r.nextInt(8) == 0) {
                words.set(i, typo(words.get(i), r));
            }
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            words.add(r.nextInt(words.size() + 1), vocabulary.get(r.nextInt(vocabulary.size())));
        }
        String subject = String.join(" ", words.subList(0, Math.min(words.size(), 3 + r.nextInt(5))));
        StringBuilder body = new StringBuilder();
        body.append(OPENERS[r.nextInt(OPENERS.length)]).append(' ');
        body.append(String.join(" ", words).toLowerCase(java.util.Locale.ROOT)).append(", ");
        body.append(FILLERS[r.nextInt(FILLERS.length)]).append(". ");
        String[] sentences = about.body().split("(?<=[.!?])\\s+");
        if (r.nextBoolean()) {
            body.append("Читал, что ").append(lower(sentences[r.nextInt(sentences.length)])).append(' ');
        }
        for (int i = r.nextInt(6); i > 0; i--) {
            body.append(vocabulary.get(r.nextInt(vocabulary.size()))).append(' ');
        }
        body.append(FILLERS[r.nextInt(FILLERS.length)]).append(". ").append(CLOSERS[r.nextInt(CLOSERS.length)]);
        String b = body.toString().strip();
        return new Text(subject, b.length() > 1500 ? b.substring(0, 1500) : b);
    }

    /** A short search as people type it: one to four words of an article's title, sometimes misspelt. */
    String search(long n, int articleIndex) {
        Random r = new Random(n * 7919 + 13);
        String[] words = article(articleIndex).title().replaceAll("[?!.,«»\"()]", " ").strip().split("\\s+");
        int count = 1 + r.nextInt(Math.min(4, words.length));
        int from = r.nextInt(words.length - count + 1);
        StringBuilder q = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            q.append(r.nextInt(10) == 0 ? typo(words[i], r) : words[i]).append(' ');
        }
        return q.toString().strip();
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String typo(String w, Random r) {
        if (w.length() < 4) {
            return w;
        }
        int i = 1 + r.nextInt(w.length() - 2);
        char[] c = w.toCharArray();
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(c);
    }
}
