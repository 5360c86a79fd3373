package io.linia.knowledge;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.knowledge.internal.CannedAnswer;
import io.linia.knowledge.internal.CannedAnswerRepository;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Canned answers (macros): named reply templates with {@code {{placeholders}}}, global or for one
 * second-line group. Team leads and administrators write them; staff read the ones meant for them
 * (global ones, their groups' ones; leads, trainers and administrators all). Rendering one for a
 * ticket only produces text: the agent still sends it, so applying a macro never changes a ticket.
 */
@Service
@Transactional
public class CannedAnswers {

    /** Every placeholder a body may use, in the order the editor's help lists them. */
    public static final List<String> PLACEHOLDERS = List.of("customer.name", "customer.email", "ticket.number",
            "ticket.subject", "agent.name", "group.name");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private final CannedAnswerRepository answers;
    private final TicketService tickets;
    private final RoutingDirectory routing;
    private final MessageSource messages;
    private final Clock clock;

    CannedAnswers(CannedAnswerRepository answers, TicketService tickets, RoutingDirectory routing, MessageSource messages,
                  Clock clock) {
        this.answers = answers;
        this.tickets = tickets;
        this.routing = routing;
        this.messages = messages;
        this.clock = clock;
    }

    public static boolean canEdit(Actor actor) {
        return KnowledgeBase.canEdit(actor);
    }

    // ---------------------------------------------------------------- reading

    /** The canned answers the actor may read, by name; inactive ones only when asked for. */
    @Transactional(readOnly = true)
    public List<CannedAnswerView> list(Actor actor, boolean includeInactive) {
        requireStaff(actor);
        return answers.findAllByOrderByNameAscIdAsc().stream()
                .filter(a -> (includeInactive || a.active()) && readable(actor, a.groupId()))
                .map(CannedAnswer::toView).toList();
    }

    @Transactional(readOnly = true)
    public CannedAnswerView get(Actor actor, long id) {
        requireStaff(actor);
        return readableAnswer(actor, id).toView();
    }

    /**
     * The active canned answers offered on a ticket (404 when the actor may not see it): global ones,
     * and group ones for the ticket's group or the actor's own groups.
     */
    @Transactional(readOnly = true)
    public List<CannedAnswerView> forTicket(Actor actor, String number) {
        requireStaff(actor);
        TicketView ticket = tickets.get(actor, number);
        return answers.findAllByOrderByNameAscIdAsc().stream()
                .filter(a -> a.active() && readable(actor, a.groupId())
                        && (a.groupId() == null || a.groupId().equals(ticket.groupId()) || actor.memberOf(a.groupId())))
                .map(CannedAnswer::toView).toList();
    }

    /** The canned answer's text for a ticket the actor may see, with every placeholder filled in. */
    @Transactional(readOnly = true)
    public RenderedCannedAnswer render(Actor actor, long id, String number) {
        requireStaff(actor);
        CannedAnswer answer = readableAnswer(actor, id);
        if (!answer.active()) {
            throw notFound(id);
        }
        TicketView ticket = tickets.get(actor, number);
        return new RenderedCannedAnswer(answer.id(), answer.name(), fill(answer.body(), values(ticket, actor)),
                answer.action(), answer.setCategoryId());
    }

    /**
     * A canned answer's text for a ticket, filled in for Linia's own work (an automation rule adding it as
     * a note, {@code by} standing for the agent); empty when the answer or the ticket is gone or inactive.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> renderFor(long id, long ticketId, String by) {
        return answers.findById(id).filter(CannedAnswer::active)
                .flatMap(a -> tickets.forMail(ticketId).map(t -> fill(a.body(),
                        values(t, new Actor(Actor.SYSTEM_ID, by, java.util.Set.of(), java.util.Set.of())))));
    }

    // ---------------------------------------------------------------- writing

    public CannedAnswerView create(Actor actor, CannedAnswerCommand command) {
        requireEditor(actor);
        check(command);
        return answers.save(CannedAnswer.write(command, clock.instant())).toView();
    }

    public CannedAnswerView update(Actor actor, long id, CannedAnswerCommand command) {
        requireEditor(actor);
        CannedAnswer answer = answers.findById(id).orElseThrow(() -> notFound(id));
        requireVersion(answer, command.version());
        check(command);
        answer.apply(command, clock.instant());
        answers.flush();
        return answer.toView();
    }

    /** Takes a canned answer off the ticket pages; it stays listed for editors and can be switched on again. */
    public CannedAnswerView deactivate(Actor actor, long id, Long version) {
        requireEditor(actor);
        CannedAnswer answer = answers.findById(id).orElseThrow(() -> notFound(id));
        requireVersion(answer, version);
        answer.deactivate(clock.instant());
        answers.flush();
        return answer.toView();
    }

    // ---------------------------------------------------------------- placeholders

    /**
     * The placeholders a body names that Linia does not know, as written ({@code {{customer.phone}}}),
     * and whether braces are left that form no placeholder at all.
     */
    static List<String> unknownPlaceholders(String body) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add("{{" + m.group(1) + "}}");
            }
        }
        return List.copyOf(unknown);
    }

    static boolean hasStrayBraces(String body) {
        String rest = PLACEHOLDER.matcher(body).replaceAll("");
        return rest.contains("{{") || rest.contains("}}");
    }

    /** Fills the placeholders; anything unknown becomes empty, and no value can bring new braces in. */
    static String fill(String body, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(defused(values.getOrDefault(m.group(1), ""))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A customer called "{{agent.name}}" stays harmless text: doubled braces are cut to single ones. */
    private static String defused(String value) {
        String v = value == null ? "" : value;
        while (v.contains("{{") || v.contains("}}")) {
            v = v.replace("{{", "{").replace("}}", "}");
        }
        return v;
    }

    private Map<String, String> values(TicketView ticket, Actor agent) {
        Locale locale = LocaleContextHolder.getLocale();
        String customerName = ticket.customerName() == null || ticket.customerName().isBlank()
                ? ticket.customerEmail() : ticket.customerName();
        String group = ticket.groupId() == null ? null
                : routing.group(ticket.groupId()).map(g -> g.name(locale)).orElse(null);
        if (group == null) {
            group = messages.getMessage("kb.canned.placeholder.supportTeam", null, "Support", locale);
        }
        return Map.of("customer.name", Objects.toString(customerName, ""),
                "customer.email", Objects.toString(ticket.customerEmail(), ""),
                "ticket.number", ticket.number(),
                "ticket.subject", Objects.toString(ticket.subject(), ""),
                "agent.name", Objects.toString(agent.name(), ""),
                "group.name", group);
    }

    // ---------------------------------------------------------------- rules

    private void check(CannedAnswerCommand c) {
        if (c.name() == null || c.name().isBlank()) {
            throw DomainException.invalid("name", "jakarta.validation.constraints.NotBlank.message");
        }
        if (c.body() == null || c.body().isBlank()) {
            throw DomainException.invalid("body", "jakarta.validation.constraints.NotBlank.message");
        }
        List<String> unknown = unknownPlaceholders(c.body());
        if (!unknown.isEmpty()) {
            throw DomainException.invalid("body", "kb.canned.unknownPlaceholder", String.join(", ", unknown),
                    String.join(", ", PLACEHOLDERS.stream().map(p -> "{{" + p + "}}").toList()));
        }
        if (hasStrayBraces(c.body())) {
            throw DomainException.invalid("body", "kb.canned.strayBraces");
        }
        if (c.groupId() != null && routing.group(c.groupId()).filter(GroupRef::active).isEmpty()) {
            throw DomainException.invalid("groupId", "linia.error.groupNotFound", c.groupId());
        }
        if (c.setCategoryId() != null && routing.category(c.setCategoryId()).filter(CategoryRef::active).isEmpty()) {
            throw DomainException.invalid("setCategoryId", "linia.error.categoryNotFound", c.setCategoryId());
        }
    }

    private static void requireVersion(CannedAnswer answer, Long version) {
        if (version != null && version != answer.version()) {
            throw DomainException.conflict("kb.canned.stale", answer.name())
                    .with("currentVersion", answer.version());
        }
    }

    private CannedAnswer readableAnswer(Actor actor, long id) {
        return answers.findById(id).filter(a -> readable(actor, a.groupId())).orElseThrow(() -> notFound(id));
    }

    /** Global ones for all staff; a group's for its members and for those who oversee every group. */
    private static boolean readable(Actor actor, Long groupId) {
        return groupId == null || actor.memberOf(groupId) || seesAllGroups(actor);
    }

    private static boolean seesAllGroups(Actor actor) {
        return actor.has(Role.TEAM_LEAD) || actor.has(Role.ADMIN) || actor.has(Role.TRAINER);
    }

    private static void requireStaff(Actor actor) {
        if (actor == null || !actor.isStaff()) {
            throw DomainException.forbidden("kb.canned.staffOnly");
        }
    }

    private static void requireEditor(Actor actor) {
        if (!canEdit(actor)) {
            throw DomainException.forbidden("kb.canned.editorsOnly");
        }
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("kb.canned.notFound", id);
    }

    /** For pages that list the placeholders. */
    public static List<String> placeholderTokens() {
        List<String> out = new ArrayList<>();
        PLACEHOLDERS.forEach(p -> out.add("{{" + p + "}}"));
        return out;
    }
}
