package io.linia.quality.internal;

import io.linia.tickets.Line;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketTimelines.Step;
import io.linia.tickets.TicketTimelines.Timeline;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;

/**
 * Derives one ticket's facts from its recorded history and quality's rows about it; a pure function, so that a
 * rebuild and the incremental upkeep give the same facts. The rules (the measures' definitions rest on them):
 * <ul>
 *   <li>A <b>stint</b> is the time the ticket spends in one line's queue: it starts when the ticket is created (first
 *       line), escalated (second line, the target group), returned to the first line, or reopened (the line it is on),
 *       and it ends with the act that takes it out of the agents' hands: ANSWER, CLOSE, SOLVE, ESCALATE,
 *       RETURN_TO_FIRST_LINE.</li>
 *   <li>A stint ended by a person is a <b>handling</b> by that person: {@code handled = 1}, dated at its end, with its
 *       <b>handling time</b> = end − start less the time the ticket waited for the customer in between. Its group is
 *       the ticket's group in the stint; on the first line (where tickets have no group) the agent's own group (the
 *       lowest id among their groups; 0 when none). {@code resolved} when it ended with ANSWER, SOLVE or CLOSE;
 *       {@code escalated} (and {@code l1_handled}) when a first-line agent escalated it.</li>
 *   <li>An escalation is <b>corrected</b> when, before the ticket is escalated again from the first line, a person
 *       re-categorises it on the second line or it is returned to the first line: counted once, on the escalating
 *       L1 agent's handling.</li>
 *   <li>A resolution is <b>reopened</b> when the next thing that changes the ticket's state is the customer's reopen.</li>
 *   <li>The <b>first response</b> is the ticket's first ANSWER, ASK_FOR_INFORMATION, REPLY or SOLVE by a person (the
 *       solve sends the customer the solution); its fact, dated then, holds creation → response.</li>
 *   <li>An SLA outcome counts on the handling of the stint it ended in (same line, start ≤ finish ≤ end); a stint no
 *       person ended gives it a fact of its own with agent 0.</li>
 *   <li>A rating request, a review and a repeat contact count on the named agent's latest resolution at or before the
 *       moment it refers to (the request's issue, the review itself, the repeat); a trainer's correction on the agent's
 *       latest handling before it. Without such a fact the agent gets a fact of their own, dated at that moment, on
 *       the ticket's line and group of the time.</li>
 * </ul>
 */
public final class FactDerivation {

    private static final Set<TicketAction> RESPONSES = EnumSet.of(TicketAction.ANSWER, TicketAction.ASK_FOR_INFORMATION,
            TicketAction.REPLY, TicketAction.SOLVE);
    private static final Set<TicketAction> ENDS = EnumSet.of(TicketAction.ANSWER, TicketAction.CLOSE, TicketAction.SOLVE,
            TicketAction.ESCALATE, TicketAction.RETURN_TO_FIRST_LINE);
    private static final Set<TicketAction> RESOLUTIONS = EnumSet.of(TicketAction.ANSWER, TicketAction.SOLVE, TicketAction.CLOSE);

    private FactDerivation() {
    }

    /** Quality's rows about one ticket that the facts draw on. */
    public record Inputs(List<SlaOutcome> sla, List<RatingRequest> ratings, List<Review> reviews, List<Repeat> repeats,
                         List<Correction> corrections) {

        public static Inputs none() {
            return new Inputs(List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }

    public record SlaOutcome(Line line, Long groupId, boolean met, Instant finishedAt) {
    }

    /** A rating request; {@code scale}/{@code score} null when not (yet) rated. */
    public record RatingRequest(Long agentId, Instant issuedAt, String scale, Integer score) {
    }

    public record Review(long agentId, BigDecimal effectivePercent, Instant at) {
    }

    /** A repeat contact against the ticket; {@code viaTicketId} the later ticket that made it (null for a reopen). */
    public record Repeat(Long solverId, Instant at, Long viaTicketId) {
    }

    public record Correction(long agentId, Instant at) {
    }

    /** One fact row, as stored in {@code quality_fact}. */
    public static final class Fact {
        public long agentId;
        public Line line;
        public long groupId;
        public long categoryId;
        public Instant at;
        public int handled;
        public Long handlingMs;
        public Long firstResponseMs;
        public int l1Handled;
        public int escalated;
        public int escalationCorrected;
        public int resolved;
        public int reopened;
        public int repeated;
        public int slaTotal;
        public int slaMet;
        public int ratingRequests;
        public int ratingsFive;
        public int ratingFiveSum;
        public int ratingsTwo;
        public int ratingsTwoGood;
        public int reviews;
        public BigDecimal reviewPercentSum = BigDecimal.ZERO;
        public int trainerCorrections;

        Fact(long agentId, Line line, long groupId, long categoryId, Instant at) {
            this.agentId = agentId;
            this.line = line;
            this.groupId = groupId;
            this.categoryId = categoryId;
            this.at = at;
        }
    }

    /** The facts and the later tickets whose repeat contacts they counted. */
    public record Derived(List<Fact> facts, Set<Long> viaTickets) {
    }

    private record Stint(Line line, Long groupId, Instant start, Instant end, Fact handling) {
    }

    /**
     * @param agentGroup an agent's own group (0 when none), for first-line facts
     */
    public static Derived derive(Timeline t, Inputs in, LongUnaryOperator agentGroup) {
        long category = t.categoryId() == null ? 0 : t.categoryId();
        List<Fact> facts = new ArrayList<>();
        List<Stint> stints = new ArrayList<>();
        Line line = Line.FIRST;
        Long group = null;
        Instant start = t.createdAt();
        boolean inStint = true;
        long waitedMs = 0;
        Instant waitingSince = null;
        boolean responded = false;
        Fact lastResolution = null;
        Fact pendingEscalation = null;
        for (Step s : t.steps()) {
            if (s.action() == TicketAction.CREATED) {
                continue;
            }
            Instant at = s.at();
            if (s.fromState() == TicketState.WAITING_FOR_CUSTOMER && s.toState() != TicketState.WAITING_FOR_CUSTOMER
                    && waitingSince != null) {
                if (inStint) {
                    waitedMs += between(later(waitingSince, start), at);
                }
                waitingSince = null;
            }
            if (s.toState() == TicketState.WAITING_FOR_CUSTOMER && s.fromState() != TicketState.WAITING_FOR_CUSTOMER) {
                waitingSince = at;
            }
            Long actor = s.actorId();
            if (!responded && actor != null && RESPONSES.contains(s.action())) {
                responded = true;
                Line l = s.fromLine() == null ? line : s.fromLine();
                Fact f = new Fact(actor, l, groupOf(l, s.fromGroupId(), actor, agentGroup), category, at);
                f.firstResponseMs = between(t.createdAt(), at);
                facts.add(f);
            }
            if (s.action() == TicketAction.RECATEGORISE && actor != null && s.fromLine() == Line.SECOND && pendingEscalation != null) {
                pendingEscalation.escalationCorrected = 1;
                pendingEscalation = null;
            }
            if (s.action() == TicketAction.REOPENED) {
                if (lastResolution != null) {
                    lastResolution.reopened = 1;
                    lastResolution = null;
                }
                line = s.toLine() == null ? line : s.toLine();
                group = s.toGroupId();
                start = at;
                inStint = true;
                waitedMs = 0;
                continue;
            }
            if (s.toState() != null && s.toState() != TicketState.SOLVED && s.toState() != s.fromState()) {
                lastResolution = null;
            }
            if (!ENDS.contains(s.action()) || !inStint) {
                continue;
            }
            if (waitingSince != null) {
                waitedMs += between(later(waitingSince, start), at);
                waitingSince = s.toState() == TicketState.WAITING_FOR_CUSTOMER ? at : null;
            }
            Line stintLine = s.fromLine() == null ? line : s.fromLine();
            Fact handling = null;
            if (actor != null) {
                handling = new Fact(actor, stintLine, groupOf(stintLine, group, actor, agentGroup), category, at);
                handling.handled = 1;
                handling.handlingMs = Math.max(0, between(start, at) - waitedMs);
                handling.l1Handled = stintLine == Line.FIRST ? 1 : 0;
                handling.escalated = s.action() == TicketAction.ESCALATE && stintLine == Line.FIRST ? 1 : 0;
                handling.resolved = RESOLUTIONS.contains(s.action()) ? 1 : 0;
                facts.add(handling);
            }
            stints.add(new Stint(stintLine, group, start, at, handling));
            if (s.action() == TicketAction.RETURN_TO_FIRST_LINE && pendingEscalation != null) {
                pendingEscalation.escalationCorrected = 1;
                pendingEscalation = null;
            }
            if (s.action() == TicketAction.ESCALATE && stintLine == Line.FIRST) {
                pendingEscalation = handling;
            }
            lastResolution = handling != null && handling.resolved == 1 ? handling : null;
            switch (s.action()) {
                case ESCALATE -> {
                    line = Line.SECOND;
                    group = s.toGroupId();
                    start = at;
                    waitedMs = 0;
                }
                case RETURN_TO_FIRST_LINE -> {
                    line = Line.FIRST;
                    group = null;
                    start = at;
                    waitedMs = 0;
                }
                default -> inStint = false;
            }
        }
        if (inStint) {
            stints.add(new Stint(line, group, start, null, null));
        }

        for (SlaOutcome o : in.sla()) {
            Stint stint = stints.stream().filter(st -> st.line() == o.line() && !o.finishedAt().isBefore(st.start())
                    && (st.end() == null || !o.finishedAt().isAfter(st.end()))).findFirst().orElse(null);
            Fact f = stint != null && stint.handling() != null ? stint.handling() : null;
            if (f == null) {
                f = new Fact(0, o.line(), o.groupId() == null ? 0 : o.groupId(), category, o.finishedAt());
                facts.add(f);
            }
            f.slaTotal++;
            f.slaMet += o.met() ? 1 : 0;
        }
        Stint last = stints.isEmpty() ? null : stints.get(stints.size() - 1);
        for (RatingRequest r : in.ratings()) {
            long agent = r.agentId() == null ? 0 : r.agentId();
            Fact f = forAgent(facts, agent, r.issuedAt(), x -> x.resolved == 1, last, category, agentGroup);
            f.ratingRequests++;
            if (r.score() != null) {
                if ("TWO".equals(r.scale())) {
                    f.ratingsTwo++;
                    f.ratingsTwoGood += r.score() == 2 ? 1 : 0;
                } else {
                    f.ratingsFive++;
                    f.ratingFiveSum += r.score();
                }
            }
        }
        for (Review r : in.reviews()) {
            Fact f = forAgent(facts, r.agentId(), r.at(), x -> x.resolved == 1, last, category, agentGroup);
            f.reviews++;
            f.reviewPercentSum = f.reviewPercentSum.add(r.effectivePercent());
        }
        Set<Long> via = new java.util.TreeSet<>();
        java.util.IdentityHashMap<Fact, Boolean> repeated = new java.util.IdentityHashMap<>();
        for (Repeat r : in.repeats()) {
            long agent = r.solverId() == null ? 0 : r.solverId();
            Fact f = forAgent(facts, agent, r.at(), x -> x.resolved == 1, last, category, agentGroup);
            repeated.put(f, true);
            if (r.viaTicketId() != null) {
                via.add(r.viaTicketId());
            }
        }
        repeated.keySet().forEach(f -> f.repeated = 1);
        for (Correction c : in.corrections()) {
            Fact f = forAgent(facts, c.agentId(), c.at(), x -> x.handled == 1, last, category, agentGroup);
            f.trainerCorrections++;
        }
        return new Derived(facts, via);
    }

    /** The agent's latest fact matching {@code kind} at or before {@code at}; else their latest such; else a new one. */
    private static Fact forAgent(List<Fact> facts, long agent, Instant at, Predicate<Fact> kind, Stint last, long category,
                                 LongUnaryOperator agentGroup) {
        Fact latest = null;
        for (int i = facts.size() - 1; i >= 0; i--) {
            Fact f = facts.get(i);
            if (f.agentId != agent || !kind.test(f)) {
                continue;
            }
            if (!f.at.isAfter(at)) {
                return f;
            }
            if (latest == null) {
                latest = f;
            }
        }
        if (latest != null) {
            return latest;
        }
        Line l = last == null ? Line.FIRST : last.line();
        Fact f = new Fact(agent, l, groupOf(l, last == null ? null : last.groupId(), agent, agentGroup), category, at);
        facts.add(f);
        return f;
    }

    private static long groupOf(Line line, Long group, long agent, LongUnaryOperator agentGroup) {
        if (group != null) {
            return group;
        }
        return line == Line.FIRST && agent != 0 ? agentGroup.applyAsLong(agent) : 0;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static long between(Instant a, Instant b) {
        return Duration.between(a, b).toMillis();
    }
}
