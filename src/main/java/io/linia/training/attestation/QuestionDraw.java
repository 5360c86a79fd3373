package io.linia.training.attestation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/** The random part of an attempt: which questions of the pool, in which order, and the order of each one's options. */
public final class QuestionDraw {

    private QuestionDraw() {
    }

    /** {@code count} distinct items of the pool in random order (all of them, shuffled, when the pool is no larger). */
    public static <T> List<T> draw(List<T> pool, int count, RandomGenerator random) {
        List<T> copy = new ArrayList<>(pool);
        shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(count, copy.size())));
    }

    /** The numbers 1..n in random order. */
    public static List<Integer> order(int n, RandomGenerator random) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            numbers.add(i);
        }
        shuffle(numbers, random);
        return numbers;
    }

    private static <T> void shuffle(List<T> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }
}
