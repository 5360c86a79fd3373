package io.linia.tickets.web;

import io.linia.accounts.Actor;
import io.linia.accounts.CustomerTags;
import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.tickets.CloseReason;
import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketNumber;
import io.linia.tickets.TicketPage;
import io.linia.tickets.TicketQuery;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketSummary;
import io.linia.tickets.TicketView;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agent console: queues, the ticket page and its actions. */
@Controller
@RequestMapping("/agent")
class AgentController {

    private static final int QUEUE_LIMIT = 200;

    private final TicketService tickets;
    private final RoutingDirectory routing;
    private final UserDirectory users;
    private final Validator validator;
    private final Refusals refusals;
    private final CustomerTags customerTags;

    /** The commands a supervised trainee's are held for their trainer (see TicketSupervision). */
    private static final Set<TicketAction> HELD = java.util.EnumSet.of(TicketAction.ANSWER, TicketAction.ASK_FOR_INFORMATION,
            TicketAction.REPLY, TicketAction.SOLVE, TicketAction.ESCALATE);

    private final io.linia.tickets.TicketDrafts drafts;
    private final java.time.Clock clock;

    AgentController(TicketService tickets, RoutingDirectory routing, UserDirectory users, Validator validator,
                    Refusals refusals, CustomerTags customerTags, io.linia.tickets.TicketDrafts drafts, java.time.Clock clock) {
        this.drafts = drafts;
        this.clock = clock;
        this.customerTags = customerTags;
        this.tickets = tickets;
        this.routing = routing;
        this.users = users;
        this.validator = validator;
        this.refusals = refusals;
    }

    @ModelAttribute
    void reference(Model model) {
        model.addAttribute("groups", routing.groups().stream().collect(Collectors.toMap(GroupRef::id, Function.identity())));
        model.addAttribute("categories", routing.categories().stream().collect(Collectors.toMap(CategoryRef::id, Function.identity())));
    }

    // ------------------------------------------------------------------ queues

    @GetMapping
    String home(Actor actor) {
        return "redirect:" + homeQueue(actor);
    }

    /** Where an agent's work starts: the first-line queue, or their first group's queue. */
    private static String homeQueue(Actor actor) {
        if (actor.has(Role.AGENT_L1) || actor.has(Role.TEAM_LEAD) || actor.has(Role.TRAINER) || actor.has(Role.ADMIN)) {
            return "/agent/queue/first";
        }
        return actor.groupIds().stream().sorted().findFirst()
                .map(id -> "/agent/queue/group/" + id).orElse("/agent/mine");
    }

    @GetMapping("/queue/first")
    String firstLine(Actor actor, @RequestParam(defaultValue = "arrival") String sort, Model model) {
        model.addAttribute("sort", "due".equals(sort) ? "due" : "arrival");
        return queuePage(actor, model, "first", null, tickets.firstLineQueue(actor, QUEUE_LIMIT, "due".equals(sort)));
    }

    @GetMapping("/queue/group/{groupId}")
    String group(Actor actor, @PathVariable long groupId, @RequestParam(defaultValue = "arrival") String sort, Model model) {
        GroupRef group = routing.group(groupId).orElseThrow(() -> DomainException.notFound("linia.error.groupNotFound", groupId));
        model.addAttribute("sort", "due".equals(sort) ? "due" : "arrival");
        return queuePage(actor, model, "group", group, tickets.groupQueue(actor, groupId, QUEUE_LIMIT, "due".equals(sort)));
    }

    @GetMapping("/mine")
    String mine(Actor actor, Model model) {
        return queuePage(actor, model, "mine", null, tickets.assignedTo(actor, QUEUE_LIMIT));
    }

    private String queuePage(Actor actor, Model model, String kind, GroupRef group, List<TicketSummary> rows) {
        model.addAttribute("queue", kind);
        model.addAttribute("group", group);
        model.addAttribute("rows", rows);
        model.addAttribute("sizes", tickets.queueSizes());
        model.addAttribute("visibleGroups", visibleGroups(actor));
        model.addAttribute("showFirstLine", actor.has(Role.AGENT_L1) || actor.has(Role.TEAM_LEAD)
                || actor.has(Role.TRAINER) || actor.has(Role.ADMIN));
        return "tickets/agent-queue";
    }

    /** Groups whose queue the actor sees: their own, or all for leads, admins and trainers. */
    private List<GroupRef> visibleGroups(Actor actor) {
        boolean all = actor.has(Role.TEAM_LEAD) || actor.has(Role.ADMIN) || actor.has(Role.TRAINER);
        return routing.activeGroups().stream().filter(g -> all || actor.memberOf(g.id())).toList();
    }

    @GetMapping("/tickets")
    String all(Actor actor, Model model,
               @RequestParam(required = false) TicketState state, @RequestParam(required = false) Line line,
               @RequestParam(required = false) Long group, @RequestParam(required = false) String cursor,
               @RequestParam(required = false) String tag, @RequestParam Map<String, String> params,
               HttpServletResponse response) {
        TicketPage page;
        Long count = null;
        Map<String, String> errors = new LinkedHashMap<>();
        // the analytics dashboards' drill-down: times (ISO instants), channel, category; a bad one named next to it
        DrillDown drill = DrillDown.of(params, errors, refusals);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            page = new TicketPage(List.of(), null);
        } else {
            try {
                TicketQuery query = new TicketQuery(state, line, group, null, null, drill.createdFrom(), drill.createdTo(), cursor,
                        50, tag, drill.channel(), drill.category(), drill.solvedFrom(), drill.solvedTo(),
                        drill.escalatedFrom(), drill.escalatedTo());
                page = tickets.list(actor, query);
                if (query.drillDown()) {
                    count = tickets.count(actor, query);
                }
            } catch (DomainException e) {
                if (e.field() == null) {
                    throw e;
                }
                // a bad filter (tag, cursor): its message next to the field, no tickets
                response.setStatus(400);
                errors = Map.of(e.field(), refusals.explain(e));
                page = new TicketPage(List.of(), null);
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("page", page);
        model.addAttribute("count", count);
        model.addAttribute("drill", drill);
        model.addAttribute("tag", tag == null || tag.isBlank() ? null : io.linia.shared.Tags.normalise(tag).orElse(tag.strip()));
        model.addAttribute("state", state);
        model.addAttribute("line", line);
        model.addAttribute("groupFilter", group);
        model.addAttribute("states", TicketState.values());
        return "tickets/agent-list";
    }

    @GetMapping("/go")
    String go(@RequestParam(defaultValue = "") String number, RedirectAttributes redirect) {
        return TicketNumber.parse(number).map(id -> "redirect:/agent/tickets/" + TicketNumber.format(id))
                .orElseGet(() -> {
                    redirect.addFlashAttribute("problem", refusals.text("linia.error.ticketNotFound", number));
                    return "redirect:/agent";
                });
    }

    // ------------------------------------------------------------------ the ticket page

    @GetMapping("/tickets/{number}")
    String ticket(Actor actor, @PathVariable String number, Model model) {
        return ticketPage(model, tickets.get(actor, number), null, Map.of(), null);
    }

    private String ticketPage(Model model, TicketView ticket, String openAction, Map<String, String> errors, TicketForm form) {
        model.addAttribute("t", ticket);
        model.addAttribute("customerTags", customerTags.tags(ticket.customerId()));
        model.addAttribute("openAction", openAction);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form == null ? new TicketForm() : form);
        model.addAttribute("closeReasons", CloseReason.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("activeGroups", routing.activeGroups());
        model.addAttribute("activeCategories", routing.activeCategories());
        if (ticket.allows(TicketAction.ASSIGN)) {
            model.addAttribute("agents", users.staff().stream().filter(UserRef::enabled).toList());
        }
        return "tickets/agent-ticket";
    }

    @PostMapping("/tickets/{number}/{action}")
    String act(Actor actor, @PathVariable String number, @PathVariable String action, @ModelAttribute("form") TicketForm f,
               Model model, RedirectAttributes redirect, HttpServletResponse response) {
        TicketAction kind = actionOf(action);
        Object command = commandOf(kind, f);
        Map<String, String> errors = validate(command);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return ticketPage(model, tickets.get(actor, number), action, errors, f);
        }
        try {
            java.time.Instant asked = clock.instant();
            TicketView after = perform(actor, number, kind, command, f.getVersion());
            // a supervised trainee's command was held for their trainer, not carried out: say so
            java.util.Optional<io.linia.tickets.DraftView> held = HELD.contains(kind) ? drafts.waitingOf(actor, after.id())
                    .filter(d -> !d.createdAt().isBefore(asked)) : java.util.Optional.empty();
            redirect.addFlashAttribute("success", held.isPresent()
                    ? refusals.text("supervision.held", held.get().supervisorName())
                    : refusals.text("tickets.done." + kind, after.number()));
            // passing a ticket on can take it out of the agent's sight: then back to their queue
            return tickets.isVisibleTo(actor, after.number())
                    ? "redirect:/agent/tickets/" + after.number() : "redirect:" + homeQueue(actor);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            // show the fresh state with the reason, and keep what the agent typed
            response.setStatus(e.kind() == DomainException.Kind.INVALID_INPUT ? 400
                    : e.kind() == DomainException.Kind.FORBIDDEN ? 403 : 409);
            model.addAttribute("problem", refusals.explain(e));
            Map<String, String> fieldErrors = e.field() == null ? Map.of() : Map.of(e.field(), refusals.explain(e));
            return ticketPage(model, tickets.get(actor, number), action, fieldErrors, f);
        }
    }

    private static TicketAction actionOf(String path) {
        return switch (path) {
            case "answer" -> TicketAction.ANSWER;
            case "ask" -> TicketAction.ASK_FOR_INFORMATION;
            case "close" -> TicketAction.CLOSE;
            case "escalate" -> TicketAction.ESCALATE;
            case "reply" -> TicketAction.REPLY;
            case "solve" -> TicketAction.SOLVE;
            case "return" -> TicketAction.RETURN_TO_FIRST_LINE;
            case "note" -> TicketAction.ADD_NOTE;
            case "take" -> TicketAction.TAKE;
            case "release" -> TicketAction.RELEASE;
            case "assign" -> TicketAction.ASSIGN;
            case "priority" -> TicketAction.CHANGE_PRIORITY;
            case "category" -> TicketAction.RECATEGORISE;
            default -> throw DomainException.notFound("linia.error.404");
        };
    }

    private static Object commandOf(TicketAction action, TicketForm f) {
        Long v = f.getVersion();
        return switch (action) {
            case ANSWER -> new TicketCommands.Answer(f.getBody(), f.getArticleUrl(), f.getArticleTitle(), v, f.getArticleId());
            case ASK_FOR_INFORMATION -> new TicketCommands.AskForInformation(f.getBody(), v);
            case CLOSE -> new TicketCommands.Close(f.getReason(), f.getNote(), v);
            case ESCALATE -> new TicketCommands.Escalate(f.getCategoryId(), f.getGroupId(), f.getNote(), v);
            case REPLY -> new TicketCommands.Reply(f.getBody(), v, f.getArticleId());
            case SOLVE -> new TicketCommands.Solve(f.getBody(), v);
            case RETURN_TO_FIRST_LINE -> new TicketCommands.ReturnToFirstLine(f.getNote(), v);
            case ADD_NOTE -> new TicketCommands.Note(f.getNote());
            case TAKE, RELEASE -> new TicketCommands.Versioned(v);
            case ASSIGN -> new TicketCommands.Assign(f.getAssigneeId(), v);
            case CHANGE_PRIORITY -> new TicketCommands.ChangePriority(f.getPriority(), v);
            case RECATEGORISE -> new TicketCommands.Recategorise(f.getCategoryId(), v);
            default -> throw DomainException.notFound("linia.error.404");
        };
    }

    private TicketView perform(Actor actor, String number, TicketAction action, Object command, Long version) {
        return switch (action) {
            case ANSWER -> tickets.answer(actor, number, (TicketCommands.Answer) command);
            case ASK_FOR_INFORMATION -> tickets.askForInformation(actor, number, (TicketCommands.AskForInformation) command);
            case CLOSE -> tickets.close(actor, number, (TicketCommands.Close) command);
            case ESCALATE -> tickets.escalate(actor, number, (TicketCommands.Escalate) command);
            case REPLY -> tickets.reply(actor, number, (TicketCommands.Reply) command);
            case SOLVE -> tickets.solve(actor, number, (TicketCommands.Solve) command);
            case RETURN_TO_FIRST_LINE -> tickets.returnToFirstLine(actor, number, (TicketCommands.ReturnToFirstLine) command);
            case ADD_NOTE -> tickets.addNote(actor, number, (TicketCommands.Note) command);
            case TAKE -> tickets.take(actor, number, version);
            case RELEASE -> tickets.release(actor, number, version);
            case ASSIGN -> tickets.assign(actor, number, (TicketCommands.Assign) command);
            case CHANGE_PRIORITY -> tickets.changePriority(actor, number, (TicketCommands.ChangePriority) command);
            case RECATEGORISE -> tickets.recategorise(actor, number, (TicketCommands.Recategorise) command);
            default -> throw DomainException.notFound("linia.error.404");
        };
    }

    /** Field → message; "body" errors of notes and returns are shown at the "note" field the form has. */
    private Map<String, String> validate(Object command) {
        Set<ConstraintViolation<Object>> violations = validator.validate(command);
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<Object> v : violations) {
            String field = v.getPropertyPath().toString();
            if (command instanceof TicketCommands.Note && field.equals("body")) {
                field = "note";
            }
            errors.putIfAbsent(field, v.getMessage());
        }
        return errors;
    }
}
