package io.linia.knowledge.web;

import io.linia.accounts.Actor;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.Audience;
import io.linia.knowledge.CannedAction;
import io.linia.knowledge.CannedAnswers;
import io.linia.knowledge.KnowledgeBase;
import io.linia.knowledge.KnowledgeProperties;
import io.linia.knowledge.RenderedCannedAnswer;
import io.linia.shared.DomainException;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import io.linia.web.Refusals;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Texts the ticket page's script puts into a reply form, ready to edit: an article as an answer
 * to this ticket's customer, or a canned answer filled in for this ticket. The server decides the
 * text and which form takes it; the script only inserts. Refusals come back as problem details.
 */
@RestController
class ReplyTextController {

    /** The public reply forms of the ticket page, most usual first; each is named by its path on the page. */
    private static final List<TicketAction> REPLY_FORMS = List.of(TicketAction.ANSWER, TicketAction.REPLY,
            TicketAction.SOLVE, TicketAction.ASK_FOR_INFORMATION);

    private final KnowledgeBase knowledge;
    private final CannedAnswers canned;
    private final TicketService tickets;
    private final KnowledgeProperties properties;
    private final MessageSource messages;
    private final Refusals refusals;

    ReplyTextController(KnowledgeBase knowledge, CannedAnswers canned, TicketService tickets,
                        KnowledgeProperties properties, MessageSource messages, Refusals refusals) {
        this.knowledge = knowledge;
        this.canned = canned;
        this.tickets = tickets;
        this.properties = properties;
        this.messages = messages;
        this.refusals = refusals;
    }

    /**
     * An article as an answer: greeting with the customer's name, the article's text, its link;
     * {@code form} is the page's form to fill (null: none on this ticket), {@code notice} what to tell the agent.
     */
    public record ArticleReply(long articleId, String title, String url, String text, String form, String notice) {
    }

    /** A canned answer for this ticket; {@code categoryId} is the category the macro preselects. */
    public record CannedReply(long id, String name, String text, String form, Long categoryId, String notice) {
    }

    @GetMapping("/agent/kb/articles/{id}/reply-text")
    ArticleReply articleReply(Actor actor, @PathVariable long id, @RequestParam String ticket) {
        TicketView t = tickets.get(actor, ticket);
        ArticleView article = knowledge.get(actor, id);
        if (article.status() != ArticleStatus.PUBLISHED) {
            throw DomainException.notFound("linia.error.articleNotFound", id);
        }
        // the greeting speaks the article's language: a Russian article gets a Russian greeting
        Locale language = Locale.forLanguageTag(article.language());
        boolean linkable = article.audience() == Audience.PUBLIC;
        String url = linkable ? properties.articleUrl(article.id()) : null;
        StringBuilder text = new StringBuilder();
        String name = t.customerName() == null ? "" : t.customerName().strip();
        text.append(name.isEmpty() ? messages.getMessage("kb.reply.greetingNoName", null, language)
                : messages.getMessage("kb.reply.greeting", new Object[]{name}, language));
        text.append("\n\n").append(article.body().strip());
        if (linkable) {
            text.append("\n\n").append(messages.getMessage("kb.reply.articleLink", new Object[]{url}, language));
        }
        String form = formFor(t, null);
        return new ArticleReply(article.id(), article.title(), url, text.toString(),
                "answer".equals(form) || "reply".equals(form) ? form : null, refusals.text("kb.suggest.inserted"));
    }

    @GetMapping("/agent/tickets/{number}/canned/{id}")
    CannedReply cannedReply(Actor actor, @PathVariable String number, @PathVariable long id) {
        RenderedCannedAnswer rendered = canned.render(actor, id, number);
        TicketView t = tickets.get(actor, number);
        return new CannedReply(rendered.id(), rendered.name(), rendered.text(), formFor(t, rendered.action()),
                rendered.setCategoryId(), refusals.text("kb.canned.picker.inserted", rendered.name()));
    }

    /** The form the macro names when the ticket offers it, else the first public reply form the ticket offers. */
    static String formFor(TicketView t, CannedAction wanted) {
        if (wanted != null && t.allows(wanted.ticketAction())) {
            return formName(wanted.ticketAction());
        }
        return REPLY_FORMS.stream().filter(t::allows).findFirst().map(ReplyTextController::formName).orElse(null);
    }

    private static String formName(TicketAction action) {
        return switch (action) {
            case ANSWER -> "answer";
            case REPLY -> "reply";
            case SOLVE -> "solve";
            case ASK_FOR_INFORMATION -> "ask";
            default -> null;
        };
    }
}
