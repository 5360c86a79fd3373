package io.linia.bench;

import io.linia.workforce.RosterDesk;
import io.linia.workforce.RosterExplanation;
import io.linia.workforce.RosterProblem;
import io.linia.workforce.RosterProgress;
import io.linia.workforce.RosterResult;
import io.linia.workforce.RosterRule;
import io.linia.workforce.RosterSettings;
import io.linia.workforce.roster.TimefoldRosterSolving;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How the roster solver does on a desk like the seed's ({@link RosterDesk}): {@code --agents} agents over
 * {@code --weeks} weeks, solved in the background for {@code --seconds} (or until no improvement for
 * {@code --unimproved} seconds, when given) while the progress is polled every second, as a live view would.
 * Prints the problem's size, the progress, the final score and time, and what the explanation says: the
 * shortfall, the preferences honoured, the agents below their minimum, the reasons of the unmet wishes.
 *
 * Options: --agents 50, --weeks 4, --seconds 30, --unimproved (off), --seed 1, --from 2026-03-02 (a Monday).
 */
public final class RosterBenchmark {

    public static void main(String[] args) throws InterruptedException {
        int agents = (int) option(args, "--agents", 50);
        int weeks = (int) option(args, "--weeks", 4);
        long seconds = option(args, "--seconds", 30);
        long unimproved = option(args, "--unimproved", 0);
        long seed = option(args, "--seed", 1);
        LocalDate from = LocalDate.parse(text(args, "--from", "2026-03-02"));

        RosterDesk desk = RosterDesk.generate(agents, from, weeks, seed);
        RosterSettings settings = RosterSettings.defaults().withTimeLimit(Duration.ofSeconds(seconds))
                .withUnimprovedTimeLimit(unimproved > 0 ? Duration.ofSeconds(unimproved) : null);
        RosterProblem problem = desk.problem(List.of(), settings);
        int required = problem.needs().stream().mapToInt(n -> n.required()).sum();
        long preferences = problem.availability().stream().filter(a -> a.availability() == io.linia.workforce.Availability.PREFERRED).count();
        long unavailable = problem.availability().stream().filter(a -> a.availability() == io.linia.workforce.Availability.UNAVAILABLE).count();
        System.out.printf(Locale.ROOT, "desk: %d agents, %d weeks from %s, %d shifts, %d seats of need, %d preferred and %d unavailable marks;"
                        + " limit %ds%s; Java %s, %d cores%n", agents, weeks, from, problem.slots().size(), required, preferences, unavailable,
                seconds, unimproved > 0 ? ", unimproved " + unimproved + "s" : "", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        try (TimefoldRosterSolving solving = new TimefoldRosterSolving(settings, 1)) {
            long started = System.nanoTime();
            UUID id = solving.start(problem);
            RosterProgress progress = solving.progress(id);
            while (!progress.status().done()) {
                Thread.sleep(1000);
                progress = solving.progress(id);
                System.out.printf(Locale.ROOT, "  %5.1fs %-8s best %s (found at %s, %d improvements)%n", progress.elapsed().toMillis() / 1000.0,
                        progress.status(), progress.bestScore(), seconds(progress.bestFoundAfter()), progress.improvements());
            }
            RosterResult result = solving.await(id);
            double wall = (System.nanoTime() - started) / 1e9;
            RosterExplanation why = result.explanation();
            int preferred = why.agents().stream().mapToInt(RosterExplanation.AgentReport::preferred).sum();
            int honoured = why.agents().stream().mapToInt(RosterExplanation.AgentReport::preferredHonoured).sum();
            long belowMinimum = why.agents().stream().filter(a -> a.months().stream().anyMatch(m -> m.missing() > 0)).count();
            int extra = why.agents().stream().mapToInt(RosterExplanation.AgentReport::extraShifts).sum();
            int maxExtra = why.agents().stream().mapToInt(RosterExplanation.AgentReport::extraShifts).max().orElse(0);
            int[] weekend = why.agents().stream().mapToInt(RosterExplanation.AgentReport::weekendShifts).sorted().toArray();
            long uncertified = why.shifts().stream().mapToLong(s -> s.groupsWithoutCertified().size()).sum();
            Map<String, Integer> reasons = new TreeMap<>();
            why.agents().forEach(a -> a.unmetWishes().forEach(w -> reasons.merge(w.wish() + " / " + w.reason(), 1, Integer::sum)));
            Map<RosterRule, Long> penalties = new TreeMap<>();
            why.agents().forEach(a -> a.violations().forEach(v -> penalties.merge(v.rule(), v.penalty(), Long::sum)));
            why.shifts().forEach(s -> s.violations().forEach(v -> penalties.merge(v.rule(), v.penalty(), Long::sum)));

            System.out.printf(Locale.ROOT, "result: %s, score %s, solving %.1fs (wall %.1fs, explanation included), best found at %s%n",
                    result.status(), result.score(), result.solvingTime().toMillis() / 1000.0, wall, seconds(progress.bestFoundAfter()));
            System.out.printf(Locale.ROOT, "  hard rules broken: %s; seats of need empty: %d of %d; assignments: %d%n",
                    result.score().feasible() ? "none" : -result.score().hard(), why.shortfall(), required, result.assignments().size());
            System.out.printf(Locale.ROOT, "  preferences honoured: %d of %d (%.1f %%); agents below their minimum: %d of %d;"
                            + " extra shifts: %d (at most %d per agent); weekend shifts per agent: %d..%d; shifts without a certified agent for a group: %d%n",
                    honoured, preferred, preferred == 0 ? 100.0 : 100.0 * honoured / preferred, belowMinimum, agents, extra, maxExtra,
                    weekend.length == 0 ? 0 : weekend[0], weekend.length == 0 ? 0 : weekend[weekend.length - 1], uncertified);
            System.out.println("  unmet wishes by reason: " + reasons);
            System.out.println("  penalty by rule: " + penalties);
        }
    }

    private static String seconds(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    private static long option(String[] args, String name, long fallback) {
        return Long.parseLong(text(args, name, Long.toString(fallback)));
    }

    private static String text(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
