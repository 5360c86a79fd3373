package io.linia.quality;

/** How customers rate: FIVE = 1 (very bad) … 5 (excellent); TWO = 1 (bad) or 2 (good). */
public enum RatingScale {
    FIVE(5), TWO(2);

    private final int max;

    RatingScale(int max) {
        this.max = max;
    }

    public int max() {
        return max;
    }

    public java.util.List<Integer> scores() {
        return java.util.stream.IntStream.rangeClosed(1, max).boxed().toList();
    }
}
