package io.linia.quality;

import io.linia.accounts.Actor;
import io.linia.quality.internal.MeasureReads;
import io.linia.quality.internal.MeasureReads.Sums;
import io.linia.quality.internal.MeasureReads.Where;
import io.linia.shared.DomainException;
import io.linia.tickets.Line;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The derived quality measures (issue 10, item 4) per agent, group, line or category over any period [from, to), and
 * their weekly trend: the query service for the API, the team leads' pages and the CSV exports. Each answer is a
 * {@link Measures} (its javadoc defines every figure).
 *
 * <p>Where the figures come from: quality keeps per ticket and agent <i>facts</i> ({@code quality_fact}), derived from
 * the ticket's recorded history (read through {@link io.linia.tickets.TicketTimelines}) and from quality's own rows
 * about it — SLA outcomes as the sla module published them ({@link io.linia.sla.SlaTargetFinished}), rating requests
 * and ratings, reviews (after disputes), repeat contacts, trainers' corrections ({@link TrainerCorrections}). The
 * rules are in {@code io.linia.quality.internal.FactDerivation}. A background upkeep derives a changed ticket's facts
 * again after each commit, and a catch-up with a watermark makes good what it missed; a rebuild derives them all from
 * scratch and gives the same facts. Per day (in {@code linia.quality.zone}) × agent × group × line × category the facts
 * are summed into {@code quality_measure_day}: a period's whole days are read from there and its partial days from the
 * facts, so an answer costs a few index ranges however many tickets there are. Figures follow a change within the
 * upkeep's delay ({@code linia.quality.measures.delay}).
 *
 * <p>Keys: AGENT — the user's id; GROUP — the support group's id (first-line handlings belong to the agent's own
 * group, the lowest id among theirs; 0 = none); LINE — FIRST or SECOND; CATEGORY — the category's id (the ticket's
 * category now; 0 = none).
 *
 * <p>Who may read: team leads and trainers (the reviewers) everything; any other staff member only their own agent
 * measures; anyone else nothing (403). Bad parameters answer a {@link DomainException} naming the field.
 */
@Service
@Transactional(readOnly = true)
public class QualityMeasures {

    /** Longest period a trend covers, in weeks (one row per week). */
    public static final int MAX_WEEKS = 106;

    private final MeasureReads reads;
    private final MeasureProperties settings;
    private final io.linia.accounts.UserDirectory users;
    private final io.linia.tickets.TicketService tickets;

    QualityMeasures(MeasureReads reads, MeasureProperties settings, io.linia.accounts.UserDirectory users,
                    io.linia.tickets.TicketService tickets) {
        this.reads = reads;
        this.settings = settings;
        this.users = users;
        this.tickets = tickets;
    }

    /** The measures of one agent, group, line or category ({@code key} as in the class comment) over [from, to). */
    public Measures of(Actor actor, MeasureScope by, String key, Instant from, Instant to) {
        checkPeriod(from, to);
        Object value = key(by, key);
        allowed(actor, by, value);
        return measuresOf(by, value, from, to);
    }

    private Measures measuresOf(MeasureScope by, Object value, Instant from, Instant to) {
        List<Where> where = List.of(new Where(column(by), value));
        Sums sums = reads.sums(where, from, to);
        MeasureReads.Times times = reads.times(where, null, from, to).getOrDefault("", MeasureReads.Times.NONE);
        return measures(by, String.valueOf(value), from, to, sums, times, usual(by, value, from, to));
    }

    /**
     * The measures of every agent, group, line or category with facts in [from, to), by key (agents: not agent 0, the
     * SLA outcomes no person's handling holds). Reviewers only.
     */
    public List<Measures> all(Actor actor, MeasureScope by, Instant from, Instant to) {
        return all(actor, by, null, from, to);
    }

    /**
     * As {@link #all(Actor, MeasureScope, Instant, Instant)}, of the facts in one group only when {@code groupId} is
     * given (0 = no group): a group's figures split by agent (or line, category), the rows adding up to the group's.
     * An agent's usual escalation level stays their group's over the whole period.
     */
    public List<Measures> all(Actor actor, MeasureScope by, Long groupId, Instant from, Instant to) {
        checkPeriod(from, to);
        if (groupId != null && groupId < 0) {
            throw DomainException.invalid("group", "quality.measures.error.id");
        }
        if (by == null) {
            throw DomainException.invalid("by", "quality.measures.error.by");
        }
        if (!AnswerReviews.isReviewer(actor)) {
            throw DomainException.forbidden("quality.error.notReviewer");
        }
        List<Where> within = groupId == null ? List.of() : List.of(new Where("group_id", groupId));
        return rows(by, within, from, to, null, null);
    }

    /**
     * A group's measures in total and week by week (as {@link #withTrend} gives them) with each of its agents' (as
     * {@link #all(Actor, MeasureScope, Long, Instant, Instant)} by agent within the group gives them), read at once —
     * the times of all three in one scan of the group's facts: a team's page. Reviewers only.
     */
    public GroupMeasures group(Actor actor, long groupId, Instant from, Instant to) {
        checkPeriod(from, to);
        if (groupId < 0) {
            throw DomainException.invalid("id", "quality.measures.error.id");
        }
        if (!AnswerReviews.isReviewer(actor)) {
            throw DomainException.forbidden("quality.error.notReviewer");
        }
        Span span = span(MeasureScope.GROUP, groupId, from, to, "agent_id");
        List<Measures> agents = rows(MeasureScope.AGENT, List.of(new Where("group_id", groupId)), from, to, span.sumsByKey(),
                span.timesByKey());
        return new GroupMeasures(span.trend().total(), span.trend().weeks(), agents);
    }

    /**
     * The measures per value of {@code by}'s column over the facts matching {@code within}; {@code knownSums} and
     * {@code knownTimes} are the sums and times per value when already read (else null: read here).
     */
    private List<Measures> rows(MeasureScope by, List<Where> within, Instant from, Instant to, Map<String, Sums> knownSums,
                                Map<String, MeasureReads.Times> knownTimes) {
        String col = column(by);
        Map<String, Sums> sums = knownSums != null ? knownSums : reads.grouped(within, col, from, to);
        Map<String, MeasureReads.Times> times = knownTimes != null ? knownTimes : reads.times(within, col, from, to);
        // the first line's usual level (groups, categories, the first line); agents are judged against their own group's
        BigDecimal firstLine = by == MeasureScope.AGENT || (by == MeasureScope.LINE && !sums.containsKey(Line.FIRST.name()))
                ? null : rate(rates(List.of(new Where("line", Line.FIRST.name())), from, to));
        Map<String, BigDecimal> agentsUsual = by == MeasureScope.AGENT ? usualOfAgents(sums.keySet(), from, to) : Map.of();
        List<Measures> out = new ArrayList<>();
        for (Map.Entry<String, Sums> e : sums.entrySet()) {
            if (by == MeasureScope.AGENT && "0".equals(e.getKey())) {
                continue;
            }
            BigDecimal usual = switch (by) {
                case AGENT -> agentsUsual.get(e.getKey());
                case GROUP, CATEGORY -> firstLine;
                case LINE -> Line.FIRST.name().equals(e.getKey()) ? firstLine : null;
            };
            out.add(measures(by, e.getKey(), from, to, e.getValue(),
                    times.getOrDefault(e.getKey(), MeasureReads.Times.NONE), usual));
        }
        return out;
    }

    /**
     * {@link #usual} of each of these agents (keys) over [from, to), in two reads however many agents: their
     * first-line handlings per group, then those groups' first-line escalation rates. Absent = null.
     */
    private Map<String, BigDecimal> usualOfAgents(java.util.Collection<String> agentKeys, Instant from, Instant to) {
        List<Long> agents = agentKeys.stream().filter(k -> !"0".equals(k)).map(Long::parseLong).toList();
        Map<String, BigDecimal> out = new java.util.HashMap<>();
        if (agents.isEmpty()) {
            return out;
        }
        Where firstLine = new Where("line", Line.FIRST.name());
        Map<String, Map<String, Sums>> byAgent = new java.util.HashMap<>();
        reads.groupedRates(List.of(new Where("agent_id", agents), firstLine), "agent_id, group_id", from, to).forEach((k, v) -> {
            int cut = k.indexOf(MeasureReads.KEY_SEPARATOR);
            byAgent.computeIfAbsent(k.substring(0, cut), a -> new java.util.TreeMap<>()).put(k.substring(cut + 1), v);
        });
        Map<String, String> groupOf = new java.util.HashMap<>();
        byAgent.forEach((agent, groups) -> {
            String g = mostFirstLine(groups);
            if (g != null) {
                groupOf.put(agent, g);
            }
        });
        if (groupOf.isEmpty()) {
            return out;
        }
        Map<String, Sums> rates = reads.groupedRates(List.of(new Where("group_id", groupOf.values().stream().distinct()
                .map(Long::parseLong).toList()), firstLine), "group_id", from, to);
        groupOf.forEach((agent, g) -> out.put(agent, rate(rates.getOrDefault(g, Sums.zero()))));
        return out;
    }

    /**
     * The weekly trend of one agent, group, line or category: one {@link WeekMeasures} per week (Monday 00:00 in
     * {@code linia.quality.zone}) that [from, to) touches, each cut to the period; at most {@link #MAX_WEEKS}.
     */
    public List<WeekMeasures> trend(Actor actor, MeasureScope by, String key, Instant from, Instant to) {
        checkPeriod(from, to);
        Object value = key(by, key);
        allowed(actor, by, value);
        return weeks(by, value, from, to);
    }

    /**
     * The weekly trend of one agent, group, line or category together with its measures over the whole period (as
     * {@link #of} and {@link #trend} give them), read at once. The same permission as {@link #of}.
     */
    public MeasuresWithTrend withTrend(Actor actor, MeasureScope by, String key, Instant from, Instant to) {
        checkPeriod(from, to);
        Object value = key(by, key);
        allowed(actor, by, value);
        return span(by, value, from, to);
    }

    private List<WeekMeasures> weeks(MeasureScope by, Object value, Instant from, Instant to) {
        return span(by, value, from, to).weeks();
    }

    private MeasuresWithTrend span(MeasureScope by, Object value, Instant from, Instant to) {
        return span(by, value, from, to, null).trend();
    }

    /** A {@link #span} and, when a column was named, the sums and times per value of it within the span's facts. */
    private record Span(MeasuresWithTrend trend, Map<String, Sums> sumsByKey, Map<String, MeasureReads.Times> timesByKey) {
    }

    /**
     * The period's measures and its weeks, each cut to the period, as {@link #measuresOf} gives them for the period and
     * week by week — read in a few queries however many weeks: the sums per week (and per value of {@code splitBy}, a
     * column, when not null; their totals are the period's and each value's: sums add up), the times per week, in total
     * and per value of {@code splitBy} in one query, the usual escalation levels per week.
     */
    private Span span(MeasureScope by, Object value, Instant from, Instant to, String splitBy) {
        LocalDate week = from.atZone(reads.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (!week.plusWeeks(MAX_WEEKS).atStartOfDay(reads.zone()).toInstant().isAfter(to.minusNanos(1))) {
            throw DomainException.invalid("to", "quality.measures.error.tooManyWeeks", MAX_WEEKS);
        }
        List<Where> where = List.of(new Where(column(by), value));
        Map<LocalDate, Map<String, Sums>> sums = reads.weekly(where, splitBy, from, to);
        Map<String, Sums> byKey = new java.util.TreeMap<>();
        MeasureReads.WeekTimes times = reads.weeklyTimes(where, splitBy, from, to);
        Usual usual = usualByWeek(by, value, from, to);
        List<WeekMeasures> out = new ArrayList<>();
        Sums total = Sums.zero();
        while (week.atStartOfDay(reads.zone()).toInstant().isBefore(to)) {
            Instant start = week.atStartOfDay(reads.zone()).toInstant();
            Instant end = week.plusWeeks(1).atStartOfDay(reads.zone()).toInstant();
            Instant a = start.isBefore(from) ? from : start;
            Instant b = end.isAfter(to) ? to : end;
            Sums s = Sums.zero();
            for (Map.Entry<String, Sums> e : sums.getOrDefault(week, Map.of()).entrySet()) {
                s = s.plus(e.getValue());
                byKey.merge(e.getKey(), e.getValue(), Sums::plus);
            }
            total = total.plus(s);
            out.add(new WeekMeasures(week, measures(by, String.valueOf(value), a, b, s,
                    times.weeks().getOrDefault(week, MeasureReads.Times.NONE), usual.weeks().get(week))));
            week = week.plusWeeks(1);
        }
        return new Span(new MeasuresWithTrend(measures(by, String.valueOf(value), from, to, total, times.total(), usual.total()),
                out), splitBy == null ? Map.of() : byKey, times.byKey());
    }

    /** The usual escalation level over a period and per week of it (absent or null = none). */
    private record Usual(BigDecimal total, Map<LocalDate, BigDecimal> weeks) {
    }

    /**
     * {@link #usual} for the period and each week of it (each cut to the period), in a few queries; absent = null (as a
     * week without first-line handlings gives).
     */
    private Usual usualByWeek(MeasureScope by, Object value, Instant from, Instant to) {
        Where firstLine = new Where("line", Line.FIRST.name());
        Map<LocalDate, BigDecimal> out = new java.util.HashMap<>();
        if (by == MeasureScope.AGENT) {
            Map<LocalDate, String> groupOf = new java.util.HashMap<>();
            Map<String, Sums> overall = new java.util.TreeMap<>();
            reads.weeklyRates(List.of(new Where("agent_id", value), firstLine), "group_id", from, to).forEach((week, groups) -> {
                String g = mostFirstLine(groups);
                if (g != null) {
                    groupOf.put(week, g);
                }
                groups.forEach((k, v) -> overall.merge(k, v, Sums::plus));
            });
            String periodGroup = mostFirstLine(overall);
            if (periodGroup == null) {
                return new Usual(null, out);
            }
            java.util.Set<String> groups = new java.util.TreeSet<>(groupOf.values());
            groups.add(periodGroup);
            Map<LocalDate, Map<String, Sums>> rates = reads.weeklyRates(List.of(new Where("group_id",
                    groups.stream().map(Long::parseLong).toList()), firstLine), "group_id", from, to);
            groupOf.forEach((week, g) -> out.put(week, rate(rates.getOrDefault(week, Map.of()).getOrDefault(g, Sums.zero()))));
            Sums periodRate = Sums.zero();
            for (Map<String, Sums> w : rates.values()) {
                periodRate = periodRate.plus(w.getOrDefault(periodGroup, Sums.zero()));
            }
            return new Usual(rate(periodRate), out);
        }
        if (by == MeasureScope.LINE && !Line.FIRST.name().equals(value)) {
            return new Usual(null, out);
        }
        Sums periodRate = Sums.zero();
        for (Map.Entry<LocalDate, Map<String, Sums>> e : reads.weeklyRates(List.of(firstLine), null, from, to).entrySet()) {
            Sums s = e.getValue().getOrDefault("", Sums.zero());
            out.put(e.getKey(), rate(s));
            periodRate = periodRate.plus(s);
        }
        return new Usual(rate(periodRate), out);
    }

    /** The group (key) with most first-line handlings, the lowest id on a tie; null when none has any. */
    private static String mostFirstLine(Map<String, Sums> groups) {
        String group = null;
        long most = 0;
        for (Map.Entry<String, Sums> e : groups.entrySet()) {
            long n = e.getValue().get("l1_handled");
            if (n > most || (n == most && n > 0 && Long.parseLong(e.getKey()) < Long.parseLong(group))) {
                most = n;
                group = e.getKey();
            }
        }
        return group;
    }

    /**
     * An agent's measures next to their group's, in total and week by week, over [from, to). The group is
     * {@code groupId} when given, else the one holding most of the agent's handlings in the period (the lowest id on a
     * tie), else the lowest of the agent's groups, else 0 (the agents without a group). Reviewers may compare anyone
     * with any group; any other staff member only themselves with their own groups or that default one.
     */
    public GroupComparison compare(Actor actor, long agentId, Long groupId, Instant from, Instant to) {
        checkPeriod(from, to);
        if (agentId < 0) {
            throw DomainException.invalid("id", "quality.measures.error.id");
        }
        if (groupId != null && groupId < 0) {
            throw DomainException.invalid("group", "quality.measures.error.id");
        }
        allowed(actor, MeasureScope.AGENT, agentId);
        long usual = usualGroup(agentId, from, to);
        long group = groupId == null ? usual : groupId;
        if (!AnswerReviews.isReviewer(actor) && group != usual && !actor.groupIds().contains(group)) {
            throw DomainException.forbidden("quality.error.notReviewer");
        }
        MeasuresWithTrend agent = span(MeasureScope.AGENT, agentId, from, to);
        MeasuresWithTrend theGroup = span(MeasureScope.GROUP, group, from, to);
        return new GroupComparison(agentId, group, agent.total(), theGroup.total(), agent.weeks(), theGroup.weeks());
    }

    /** The group an agent is compared with by default (see {@link #compare}). */
    private long usualGroup(long agentId, Instant from, Instant to) {
        Map<String, Sums> groups = reads.grouped(List.of(new Where("agent_id", agentId)), "group_id", from, to);
        long best = -1;
        long most = 0;
        for (Map.Entry<String, Sums> e : groups.entrySet()) {
            long n = e.getValue().get("handled");
            long g = Long.parseLong(e.getKey());
            if (n > most || (n == most && n > 0 && g < best)) {
                most = n;
                best = g;
            }
        }
        if (best >= 0) {
            return best;
        }
        return users.user(agentId).flatMap(u -> u.groupIds().stream().min(Long::compare)).orElse(0L);
    }

    /**
     * The tickets behind one number: the facts of {@code by}/{@code key} (within group {@code groupId} when given) in
     * [from, to) that count in {@code measure}, the first {@code limit} (1–100000) of them in time order, each with its
     * ticket's number and subject. The same permission as {@link #of}.
     */
    public MeasureTickets tickets(Actor actor, MeasureScope by, String key, Long groupId, Instant from, Instant to,
                                  Measure measure, int limit) {
        checkPeriod(from, to);
        Object value = key(by, key);
        if (measure == null) {
            throw DomainException.invalid("measure", "quality.pages.error.measure");
        }
        if (groupId != null && groupId < 0) {
            throw DomainException.invalid("group", "quality.measures.error.id");
        }
        if (limit < 1 || limit > 100_000) {
            throw DomainException.invalid("limit", "quality.pages.error.limit");
        }
        allowed(actor, by, value);
        List<Where> where = new ArrayList<>();
        where.add(new Where(column(by), value));
        if (groupId != null) {
            where.add(new Where("group_id", groupId));
        }
        long[] count = reads.countFacts(where, measure.condition(), measure.contribution(), from, to);
        List<MeasureReads.FactRow> facts = reads.factRows(where, measure.condition(), measure.contribution(), from, to, limit);
        Map<Long, io.linia.tickets.TicketSummary> summaries = new java.util.HashMap<>();
        for (io.linia.tickets.TicketSummary t : tickets.summariesOf(facts.stream().map(MeasureReads.FactRow::ticketId).toList())) {
            summaries.put(t.id(), t);
        }
        List<MeasureTickets.Row> rows = new ArrayList<>();
        for (MeasureReads.FactRow f : facts) {
            io.linia.tickets.TicketSummary t = summaries.get(f.ticketId());
            int five = (int) f.get("ratings_five");
            int reviewCount = (int) f.get("reviews");
            rows.add(new MeasureTickets.Row(f.ticketId(), io.linia.tickets.TicketNumber.format(f.ticketId()),
                    t == null ? null : t.subject(), f.agentId(), f.line(), f.groupId(), f.categoryId(), f.at(),
                    f.contribution(), f.handlingMs(), f.firstResponseMs(), (int) f.get("sla_total"), (int) f.get("sla_met"),
                    f.get("escalated") > 0, f.get("escalation_corrected") > 0, f.get("resolved") > 0, f.get("reopened") > 0,
                    f.get("repeated") > 0, (int) f.get("rating_requests"), five,
                    five == 0 ? null : BigDecimal.valueOf(f.get("rating_five_sum")).divide(BigDecimal.valueOf(five), 2, RoundingMode.HALF_UP),
                    (int) f.get("ratings_two"), (int) f.get("ratings_two_good"), reviewCount,
                    reviewCount == 0 ? null : f.reviewPercentSum().divide(BigDecimal.valueOf(reviewCount), 2, RoundingMode.HALF_UP),
                    (int) f.get("trainer_corrections")));
        }
        return new MeasureTickets(by, String.valueOf(value), groupId, measure, from, to, count[0], count[1], rows,
                count[0] > rows.size());
    }

    /** Whether the actor may read the measures of every agent, group, line and category (else only their own). */
    public static boolean readsAll(Actor actor) {
        return AnswerReviews.isReviewer(actor);
    }

    // ------------------------------------------------------------------ the figures

    /**
     * The nearest-rank percentile {@code p} (1–100) of the values, or null when there are none: what the store's
     * {@code percentile_disc(p / 100)} computes for the measures (kept here as the rule's plain statement).
     */
    public static Long percentile(List<Long> values, int p) {
        return MeasureReads.nearestRank(values, p);
    }

    /** Judges an escalation rate against its usual level: outside usual ± band is TOO_MANY / TOO_FEW. */
    public static EscalationFlag judge(long firstLineHandled, BigDecimal rate, BigDecimal usual, int band, int minHandled) {
        if (firstLineHandled < minHandled || rate == null || usual == null) {
            return EscalationFlag.NOT_ENOUGH_DATA;
        }
        BigDecimal diff = rate.subtract(usual);
        if (diff.compareTo(BigDecimal.valueOf(band)) > 0) {
            return EscalationFlag.TOO_MANY;
        }
        if (diff.negate().compareTo(BigDecimal.valueOf(band)) > 0) {
            return EscalationFlag.TOO_FEW;
        }
        return EscalationFlag.WITHIN;
    }

    private Measures measures(MeasureScope by, String key, Instant from, Instant to, Sums s, MeasureReads.Times times,
                              BigDecimal usual) {
        long l1 = s.get("l1_handled");
        long escalated = s.get("escalated");
        BigDecimal escalationRate = percent(escalated, l1);
        long five = s.get("ratings_five");
        long two = s.get("ratings_two");
        long reviews = s.get("reviews");
        return new Measures(by, key, from, to,
                s.get("handled"), times.handlingMedian(), times.handlingP90(),
                times.responses(), times.responseMedian(), times.responseP90(),
                s.get("sla_total"), s.get("sla_met"), percent(s.get("sla_met"), s.get("sla_total")),
                l1, escalated, escalationRate, usual,
                judge(l1, escalationRate, usual, settings.escalationBand(), settings.escalationMinHandled()),
                s.get("escalation_corrected"), percent(s.get("escalation_corrected"), escalated),
                s.get("resolved"), s.get("reopened"), percent(s.get("reopened"), s.get("resolved")),
                s.get("repeated"), percent(s.get("repeated"), s.get("resolved")),
                s.get("rating_requests"), five,
                five == 0 ? null : BigDecimal.valueOf(s.get("rating_five_sum")).divide(BigDecimal.valueOf(five), 2, RoundingMode.HALF_UP),
                two, percent(s.get("ratings_two_good"), two), percent(five + two, s.get("rating_requests")),
                reviews, reviews == 0 ? null : s.reviewPercentSum().divide(BigDecimal.valueOf(reviews), 2, RoundingMode.HALF_UP),
                s.get("trainer_corrections"));
    }

    /** The usual escalation level a key's rate is judged against (see {@link Measures#escalationUsualPercent()}). */
    private BigDecimal usual(MeasureScope by, Object value, Instant from, Instant to) {
        List<Where> firstLine = List.of(new Where("line", Line.FIRST.name()));
        return switch (by) {
            case AGENT -> {
                String group = mostFirstLine(reads.groupedRates(List.of(new Where("agent_id", value), firstLine.get(0)), "group_id", from, to));
                yield group == null ? null
                        : rate(rates(List.of(new Where("group_id", Long.parseLong(group)), firstLine.get(0)), from, to));
            }
            case GROUP, CATEGORY -> rate(rates(firstLine, from, to));
            case LINE -> Line.FIRST.name().equals(value) ? rate(rates(firstLine, from, to)) : null;
        };
    }

    /** The escalation rate's parts over the facts matching all {@code where} in [from, to). */
    private Sums rates(List<Where> where, Instant from, Instant to) {
        return reads.groupedRates(where, null, from, to).getOrDefault("", Sums.zero());
    }

    private static BigDecimal rate(Sums s) {
        return percent(s.get("escalated"), s.get("l1_handled"));
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static void allowed(Actor actor, MeasureScope by, Object value) {
        if (AnswerReviews.isReviewer(actor)) {
            return;
        }
        if (!actor.isStaff() || actor.isSystem()) {
            throw DomainException.forbidden("quality.error.notStaff");
        }
        if (by != MeasureScope.AGENT || !Long.valueOf(actor.id()).equals(value)) {
            throw DomainException.forbidden("quality.error.notReviewer");
        }
    }

    private static void checkPeriod(Instant from, Instant to) {
        if (from == null) {
            throw DomainException.invalid("from", "linia.validation.required");
        }
        if (to == null) {
            throw DomainException.invalid("to", "linia.validation.required");
        }
        if (!from.isBefore(to)) {
            throw DomainException.invalid("to", "quality.error.period");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(3660)) > 0) {
            throw DomainException.invalid("to", "quality.measures.error.tooLong");
        }
    }

    private static String column(MeasureScope by) {
        return switch (by) {
            case AGENT -> "agent_id";
            case GROUP -> "group_id";
            case LINE -> "line";
            case CATEGORY -> "category_id";
        };
    }

    /** The key as the facts hold it: a non-negative id, or FIRST/SECOND for a line. */
    private static Object key(MeasureScope by, String key) {
        if (by == null) {
            throw DomainException.invalid("by", "quality.measures.error.by");
        }
        if (key == null || key.isBlank()) {
            throw DomainException.invalid("id", "linia.validation.required");
        }
        if (by == MeasureScope.LINE) {
            try {
                return Line.valueOf(key.strip().toUpperCase(java.util.Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("id", "quality.measures.error.line");
            }
        }
        try {
            long id = Long.parseLong(key.strip());
            if (id < 0) {
                throw DomainException.invalid("id", "quality.measures.error.id");
            }
            return id;
        } catch (NumberFormatException e) {
            throw DomainException.invalid("id", "quality.measures.error.id");
        }
    }

    /** Parses {@code by} as the API gives it (agent, group, line, category; any case). */
    public static MeasureScope scope(String by) {
        if (by == null || by.isBlank()) {
            throw DomainException.invalid("by", "linia.validation.required");
        }
        try {
            return MeasureScope.valueOf(by.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("by", "quality.measures.error.by");
        }
    }
}
