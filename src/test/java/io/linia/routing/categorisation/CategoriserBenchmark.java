package io.linia.routing.categorisation;

import io.linia.routing.LabelledText;
import java.time.Clock;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Not a test: trains on a synthetic desk (N tickets, K categories, Russian-like words) and times
 * training and categorisation. Run:
 * {@code java -Xmx6g -cp target/classes:target/test-classes:$(cat cp.txt) io.linia.routing.categorisation.CategoriserBenchmark 1000000 80 1000000}
 * (examples, categories, max-examples).
 */
public final class CategoriserBenchmark {

    private static final String[] SYLLABLES = {"па", "ро", "ль", "пи", "сь", "мо", "сп", "ам", "ко", "де", "вх", "од",
            "пр", "ил", "ож", "ен", "ие", "ящ", "ик", "фи", "ль", "тр", "ош", "иб", "ка", "до", "ст", "уп", "ма", "ил"};

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int maxExamples = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        String[] common = words(3_000, 1);
        String[][] specific = new String[k][];
        for (int c = 0; c < k; c++) {
            specific[c] = words(40, 1000 + c);
        }
        Consumer<Consumer<LabelledText>> source = sink -> {
            Random random = new Random(7);
            for (int i = 0; i < n; i++) {
                int c = random.nextInt(k);
                sink.accept(new LabelledText(text(random, common, specific[c]), c + 1, 1.0));
            }
        };
        ModelTrainer.Settings settings = new ModelTrainer.Settings(maxExamples, 1 << 15, true, 4.0);
        long started = System.nanoTime();
        CategoryModel model = new ModelTrainer(settings, Clock.systemUTC()).train(source, id -> true);
        long trainMillis = (System.nanoTime() - started) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("trained: %d examples read, %d held, %d categories, %d features, accuracy %.3f, %d ms, heap used %d MB%n",
                n, model.facts().examples(), model.facts().categories(), model.featureCount(), model.facts().accuracy(),
                trainMillis, (rt.totalMemory() - rt.freeMemory()) >> 20);
        long t0 = System.nanoTime();
        byte[] bytes = model.toBytes();
        long t1 = System.nanoTime();
        CategoryModel loaded = CategoryModel.fromBytes(bytes);
        long t2 = System.nanoTime();
        System.out.printf("stored model: %d KB, save %d ms, load %d ms%n", bytes.length >> 10, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);

        Random random = new Random(99);
        String[] texts = new String[10_000];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = text(random, common, specific[random.nextInt(k)]) + " " + text(random, common, specific[random.nextInt(k)]);
        }
        for (int round = 0; round < 3; round++) { // warm-up rounds, then the measured one
            long[] nanos = new long[texts.length];
            for (int i = 0; i < texts.length; i++) {
                long s = System.nanoTime();
                Suggestions.of(loaded.predict(texts[i]), id -> new io.linia.routing.CategoryRef(id, "c", "c", "c", 1L, true), 0.6);
                nanos[i] = System.nanoTime() - s;
            }
            java.util.Arrays.sort(nanos);
            System.out.printf("categorise (round %d, %d texts of ~%d chars): median %.3f ms, p99 %.3f ms, max %.3f ms%n", round,
                    texts.length, texts[0].length(), nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6,
                    nanos[nanos.length - 1] / 1e6);
        }
        String big = texts[0].repeat(65536 / texts[0].length() + 1);
        long s = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            loaded.predict(big);
        }
        System.out.printf("categorise a 64 KiB body: %.3f ms each%n", (System.nanoTime() - s) / 100 / 1e6);
    }

    private static String text(Random random, String[] common, String[] specific) {
        StringBuilder b = new StringBuilder();
        int words = 10 + random.nextInt(25);
        for (int w = 0; w < words; w++) {
            String[] from = random.nextInt(4) == 0 ? specific : common;
            b.append(from[random.nextInt(from.length)]).append(' ');
        }
        return b.toString();
    }

    private static String[] words(int count, long seed) {
        Random random = new Random(seed);
        String[] words = new String[count];
        for (int i = 0; i < count; i++) {
            StringBuilder w = new StringBuilder();
            int parts = 2 + random.nextInt(3);
            for (int p = 0; p < parts; p++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words[i] = w.toString();
        }
        return words;
    }
}
