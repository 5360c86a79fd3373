package io.linia.analytics.alert;

/**
 * What an alert watches: one category (its id as text, {@code 0} for tickets without one) or one channel (its name).
 */
public record AlertKey(Dimension dimension, String key) implements Comparable<AlertKey> {

    public enum Dimension { CATEGORY, CHANNEL }

    /** The text that is unique among open alerts. */
    public String openKey() {
        return dimension.name() + ":" + key;
    }

    public static AlertKey category(Long categoryId) {
        return new AlertKey(Dimension.CATEGORY, String.valueOf(categoryId == null ? 0 : categoryId));
    }

    public static AlertKey channel(String channel) {
        return new AlertKey(Dimension.CHANNEL, channel);
    }

    @Override
    public int compareTo(AlertKey o) {
        int c = dimension.compareTo(o.dimension);
        return c != 0 ? c : key.compareTo(o.key);
    }
}
