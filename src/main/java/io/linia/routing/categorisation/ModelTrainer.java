package io.linia.routing.categorisation;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.linia.routing.Categorisation.Candidate;
import io.linia.routing.LabelledText;
import io.linia.routing.categorisation.TextFeatures.TermCounts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * Trains a {@link CategoryModel}: L2-regularised logistic regression (LIBLINEAR {@code L2R_LR},
 * one-vs-rest, which gives probabilities) over TF-IDF vectors of the examples. Holds at most
 * {@code maxExamples} examples in memory (a uniform random sample of the stream), measures the
 * accuracy on a held-out 10 %, then trains the final model on everything (on large sets the model
 * without the held-out tenth is kept: training once, at a tenth less data). An example's weight is
 * honoured by repeating it (weight 2 → twice).
 */
final class ModelTrainer {

    /** Fewer examples than this: no held-out part, there would be too little to learn from. */
    static final int MIN_FOR_HOLD_OUT = 50;
    /** From this many examples the model trained without the held-out tenth is the final one (training once). */
    static final int TRAIN_ONCE_FROM = 20_000;

    record Settings(int maxExamples, int maxFeatures, boolean bigrams, double cost) {

        static Settings defaults() {
            return new Settings(200_000, 1 << 15, true, 4.0);
        }
    }

    static final class NotEnoughExamples extends RuntimeException {
        NotEnoughExamples(String message) {
            super(message);
        }
    }

    private record Example(TermCounts counts, int label, int copies) {
    }

    private final Settings settings;
    private final TextFeatures features;
    private final Clock clock;

    ModelTrainer(Settings settings, Clock clock) {
        this.settings = settings;
        this.features = new TextFeatures(settings.bigrams());
        this.clock = clock;
        Linear.disableDebugOutput();
    }

    /** {@code source} feeds every example to the consumer it is given; only {@code allowed} categories count. */
    CategoryModel train(Consumer<Consumer<LabelledText>> source, LongPredicate allowed) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Random random = new Random(20261125L);
        List<TermCounts> counts = new ArrayList<>();
        List<long[]> labels = new ArrayList<>(); // {categoryId, copies}
        long[] seen = {0};
        source.accept(example -> {
            if (example == null || example.weight() <= 0 || !allowed.test(example.categoryId())) {
                return;
            }
            TermCounts c = features.count(example.text());
            if (c.isEmpty()) {
                return;
            }
            long[] label = {example.categoryId(), Math.max(1, Math.round(example.weight()))};
            long index = seen[0]++;
            if (counts.size() < settings.maxExamples()) {
                counts.add(c);
                labels.add(label);
            } else { // reservoir sampling: every example has the same chance to be kept
                long j = (long) (random.nextDouble() * (index + 1));
                if (j < settings.maxExamples()) {
                    counts.set((int) j, c);
                    labels.set((int) j, label);
                }
            }
        });
        TreeSet<Long> categories = new TreeSet<>();
        labels.forEach(l -> categories.add(l[0]));
        if (categories.size() < 2) {
            throw new NotEnoughExamples("examples of at least two categories are needed, found "
                    + categories.size() + " (" + counts.size() + " examples)");
        }
        long[] categoryIds = categories.stream().mapToLong(Long::longValue).toArray();
        List<Example> examples = new ArrayList<>(counts.size());
        for (int i = 0; i < counts.size(); i++) {
            examples.add(new Example(counts.get(i), Arrays.binarySearch(categoryIds, labels.get(i)[0]), (int) labels.get(i)[1]));
        }
        Collections.shuffle(examples, random);

        Double accuracy = null;
        CategoryModel partial = null;
        if (examples.size() >= MIN_FOR_HOLD_OUT) {
            int held = examples.size() / 10;
            List<Example> heldOut = examples.subList(0, held);
            partial = fit(examples.subList(held, examples.size()), categoryIds, null);
            int right = 0;
            for (Example e : heldOut) {
                List<Candidate> predicted = partial.predict(e.counts());
                if (!predicted.isEmpty() && predicted.get(0).categoryId() == categoryIds[e.label()]) {
                    right++;
                }
            }
            accuracy = (double) right / held;
        }
        // a large sample loses nothing by leaving its held-out tenth out: keep that model, train once
        CategoryModel model = partial != null && examples.size() >= TRAIN_ONCE_FROM ? partial : fit(examples, categoryIds, null);
        return model.withFacts(new CategoryModel.Facts(now, examples.size(), categoryIds.length, accuracy,
                (System.nanoTime() - started) / 1_000_000));
    }

    private CategoryModel fit(List<Example> examples, long[] categoryIds, CategoryModel.Facts facts) {
        int[] df = new int[TextFeatures.DIMENSIONS];
        for (Example e : examples) {
            for (int slot : e.counts().slots()) {
                df[slot]++;
            }
        }
        int minDf = examples.size() >= 1_000 ? 2 : 1;
        int[] slots = selectSlots(df, minDf, settings.maxFeatures());
        float[] idf = new float[slots.length];
        for (int i = 0; i < slots.length; i++) {
            idf[i] = (float) (Math.log((1.0 + examples.size()) / (1.0 + df[slots[i]])) + 1.0);
        }
        int rows = 0;
        for (Example e : examples) {
            rows += e.copies();
        }
        Problem problem = new Problem();
        problem.l = rows;
        problem.n = slots.length + 1; // the last column is the bias
        problem.bias = CategoryModel.BIAS;
        problem.x = new Feature[rows][];
        problem.y = new double[rows];
        int row = 0;
        for (Example e : examples) {
            Feature[] x = CategoryModel.vector(slots, idf, e.counts());
            for (int c = 0; c < e.copies(); c++) { // LIBLINEAR reads, never writes, the rows: sharing is safe
                problem.x[row] = x;
                problem.y[row++] = e.label();
            }
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, settings.cost(), 0.01);
        Model model = Linear.train(problem, parameter);
        return new CategoryModel(settings.bigrams(), slots, idf, categoryIds, model,
                facts == null ? new CategoryModel.Facts(clock.instant(), examples.size(), categoryIds.length, null, 0) : facts);
    }

    /** Slots seen in at least {@code minDf} examples; the {@code max} most frequent of them, ascending. */
    static int[] selectSlots(int[] df, int minDf, int max) {
        int candidates = 0;
        for (int d : df) {
            if (d >= minDf) {
                candidates++;
            }
        }
        int[] slots = new int[candidates];
        int n = 0;
        for (int slot = 0; slot < df.length; slot++) {
            if (df[slot] >= minDf) {
                slots[n++] = slot;
            }
        }
        if (slots.length > max) {
            // threshold: the max-th largest document frequency; ties broken by slot order
            int[] sorted = new int[slots.length];
            for (int i = 0; i < slots.length; i++) {
                sorted[i] = df[slots[i]];
            }
            Arrays.sort(sorted);
            int threshold = sorted[sorted.length - max];
            int above = 0;
            for (int d : sorted) {
                if (d > threshold) {
                    above++;
                }
            }
            int tiesAllowed = max - above;
            int[] kept = new int[max];
            int k = 0;
            for (int slot : slots) {
                int d = df[slot];
                if (d > threshold || (d == threshold && tiesAllowed-- > 0)) {
                    kept[k++] = slot;
                }
            }
            slots = kept;
        }
        return slots;
    }
}
