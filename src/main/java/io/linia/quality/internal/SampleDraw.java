package io.linia.quality.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The weekly sample of one agent's solved tickets, stratified by line and category, and who reviews each.
 * <p>Allocation: {@code size} tickets over the strata in proportion to their sizes (largest remainder), each stratum
 * getting at least one while {@code size} reaches the number of strata (so a rare category is not left out);
 * with fewer places than strata the largest strata get one each. Within a stratum tickets are drawn at random.
 * A ticket goes to the eligible reviewer (not the agent, not anyone who handled the ticket) with the fewest
 * samples so far; a ticket no reviewer may take is replaced by another of its stratum. The same seed gives
 * the same draw.
 */
public final class SampleDraw {

    public record Candidate(long ticketId, String line, Long categoryId) {

        String stratum() {
            return line + ":" + (categoryId == null ? "-" : categoryId);
        }
    }

    public record Drawn(long ticketId, String line, Long categoryId, long reviewerId) {
    }

    private SampleDraw() {
    }

    /**
     * @param handlers who handled a ticket (history actors), never its reviewer
     * @param load samples per reviewer so far in this draw (updated)
     */
    public static List<Drawn> draw(long agentId, List<Candidate> candidates, int size, long seed, List<Long> reviewers,
                                   Function<Long, Set<Long>> handlers, Map<Long, Integer> load) {
        Random random = new Random(seed * 1_000_003L + agentId);
        Map<String, List<Candidate>> strata = new TreeMap<>();
        candidates.stream().sorted(Comparator.comparingLong(Candidate::ticketId))
                .forEach(c -> strata.computeIfAbsent(c.stratum(), k -> new ArrayList<>()).add(c));
        strata.values().forEach(list -> java.util.Collections.shuffle(list, random));
        Map<String, Integer> quota = allocate(strata, Math.max(0, size));
        List<Drawn> drawn = new ArrayList<>();
        for (Map.Entry<String, List<Candidate>> stratum : strata.entrySet()) {
            int wanted = quota.getOrDefault(stratum.getKey(), 0);
            for (Candidate c : stratum.getValue()) {
                if (wanted == 0) {
                    break;
                }
                Set<Long> excluded = new java.util.HashSet<>(handlers.apply(c.ticketId()));
                excluded.add(agentId);
                Long reviewer = reviewers.stream().filter(r -> !excluded.contains(r))
                        .min(Comparator.<Long>comparingInt(r -> load.getOrDefault(r, 0)).thenComparing(r -> r))
                        .orElse(null);
                if (reviewer == null) {
                    continue;
                }
                load.merge(reviewer, 1, Integer::sum);
                drawn.add(new Drawn(c.ticketId(), c.line(), c.categoryId(), reviewer));
                wanted--;
            }
        }
        return drawn;
    }

    /** Places per stratum (see the class comment); strata keyed and ordered by their key. */
    static Map<String, Integer> allocate(Map<String, List<Candidate>> strata, int size) {
        int total = strata.values().stream().mapToInt(List::size).sum();
        Map<String, Integer> quota = new LinkedHashMap<>();
        if (size >= total) {
            strata.forEach((k, v) -> quota.put(k, v.size()));
            return quota;
        }
        if (size < strata.size()) {
            strata.entrySet().stream().sorted(Comparator.<Map.Entry<String, List<Candidate>>>comparingInt(e -> -e.getValue().size())
                    .thenComparing(Map.Entry::getKey)).limit(size).forEach(e -> quota.put(e.getKey(), 1));
            return quota;
        }
        Map<String, Double> exact = new HashMap<>();
        strata.forEach((k, v) -> {
            double share = (double) size * v.size() / total;
            exact.put(k, share);
            quota.put(k, Math.min(v.size(), Math.max(1, (int) Math.floor(share))));
        });
        int placed = quota.values().stream().mapToInt(Integer::intValue).sum();
        while (placed < size) {
            String next = strata.keySet().stream().filter(k -> quota.get(k) < strata.get(k).size())
                    .max(Comparator.<String>comparingDouble(k -> exact.get(k) - quota.get(k)).thenComparing(Comparator.reverseOrder()))
                    .orElseThrow();
            quota.merge(next, 1, Integer::sum);
            placed++;
        }
        while (placed > size) {
            String next = strata.keySet().stream().filter(k -> quota.get(k) > 1)
                    .min(Comparator.<String>comparingDouble(k -> exact.get(k) - quota.get(k)).thenComparing(k -> k))
                    .orElseThrow();
            quota.merge(next, -1, Integer::sum);
            placed--;
        }
        return quota;
    }
}
