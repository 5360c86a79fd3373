package io.linia.routing.categorisation;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import io.linia.routing.Categorisation.Candidate;
import io.linia.routing.categorisation.TextFeatures.TermCounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained categoriser: which hashed slots are features (columns), their IDF, the category of
 * each label, and LIBLINEAR's logistic-regression model. Immutable, thread-safe; a retraining
 * makes a new one.
 */
final class CategoryModel {

    private static final int FORMAT = 1;
    static final double BIAS = 1.0;

    private final TextFeatures features;
    private final boolean bigrams;
    private final int[] slots;
    private final float[] idf;
    private final long[] categoryIds;
    private final Model model;
    private final Facts facts;

    /** What is known about the training that made this model. */
    record Facts(Instant trainedAt, int examples, int categories, Double accuracy, long trainingMillis) {
    }

    CategoryModel(boolean bigrams, int[] slots, float[] idf, long[] categoryIds, Model model, Facts facts) {
        this.features = new TextFeatures(bigrams);
        this.bigrams = bigrams;
        this.slots = slots;
        this.idf = idf;
        this.categoryIds = categoryIds;
        this.model = model;
        this.facts = facts;
    }

    Facts facts() {
        return facts;
    }

    CategoryModel withFacts(Facts facts) {
        return new CategoryModel(bigrams, slots, idf, categoryIds, model, facts);
    }

    int featureCount() {
        return slots.length;
    }

    TextFeatures features() {
        return features;
    }

    /** Categories with their probabilities (summing to 1), most probable first; empty when the text has no known feature. */
    List<Candidate> predict(String text) {
        return predict(features.count(text));
    }

    List<Candidate> predict(TermCounts counts) {
        Feature[] x = vector(slots, idf, counts);
        if (x.length == 1) { // only the bias: nothing in the text the model has seen
            return List.of();
        }
        double[] probabilities = new double[model.getNrClass()];
        Linear.predictProbability(model, x, probabilities);
        int[] labels = model.getLabels();
        List<Candidate> candidates = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            candidates.add(new Candidate(categoryIds[labels[i]], probabilities[i]));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::probability).reversed());
        return candidates;
    }

    /**
     * Log-scaled TF × IDF over the known slots, L2-normalised, columns ascending (1-based, as LIBLINEAR
     * wants), then the bias column. Slots of {@code counts} ascend, and columns follow slot order.
     */
    static Feature[] vector(int[] slots, float[] idf, TermCounts counts) {
        Feature[] x = new Feature[counts.slots().length + 1];
        int n = 0;
        double norm = 0;
        for (int i = 0; i < counts.slots().length; i++) {
            int column = Arrays.binarySearch(slots, counts.slots()[i]);
            if (column >= 0) {
                double value = (1 + Math.log(counts.counts()[i])) * idf[column];
                x[n++] = new FeatureNode(column + 1, value);
                norm += value * value;
            }
        }
        if (norm > 0) {
            double length = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                x[i].setValue(x[i].getValue() / length);
            }
        }
        x[n++] = new FeatureNode(slots.length + 1, BIAS);
        return Arrays.copyOf(x, n);
    }

    // ------------------------------------------------------------------ storing

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.writeInt(FORMAT);
            out.writeBoolean(bigrams);
            out.writeInt(slots.length);
            for (int i = 0; i < slots.length; i++) {
                out.writeInt(slots[i]);
                out.writeFloat(idf[i]);
            }
            out.writeInt(categoryIds.length);
            for (long id : categoryIds) {
                out.writeLong(id);
            }
            out.writeLong(facts.trainedAt().toEpochMilli());
            out.writeInt(facts.examples());
            out.writeInt(facts.categories());
            out.writeDouble(facts.accuracy() == null ? Double.NaN : facts.accuracy());
            out.writeLong(facts.trainingMillis());
            ObjectOutputStream objects = new ObjectOutputStream(out);
            objects.writeObject(model); // LIBLINEAR's Model is Serializable: its own weights, labels and solver
            objects.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static CategoryModel fromBytes(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(stored), 1 << 16))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("unknown model format " + format);
            }
            boolean bigrams = in.readBoolean();
            int[] slots = new int[in.readInt()];
            float[] idf = new float[slots.length];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = in.readInt();
                idf[i] = in.readFloat();
            }
            long[] categoryIds = new long[in.readInt()];
            for (int i = 0; i < categoryIds.length; i++) {
                categoryIds[i] = in.readLong();
            }
            Instant trainedAt = Instant.ofEpochMilli(in.readLong());
            int examples = in.readInt();
            int categories = in.readInt();
            double accuracy = in.readDouble();
            long millis = in.readLong();
            ObjectInputStream objects = new ObjectInputStream(in);
            // only LIBLINEAR's model and what it is made of may come out of the database
            objects.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                    "de.bwaldvogel.liblinear.Model;de.bwaldvogel.liblinear.SolverType;java.lang.Enum;[D;[I;maxdepth=5;!*"));
            Model model = (Model) objects.readObject();
            return new CategoryModel(bigrams, slots, idf, categoryIds, model,
                    new Facts(trainedAt, examples, categories, Double.isNaN(accuracy) ? null : accuracy, millis));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("stored model needs " + e.getMessage(), e);
        }
    }
}
