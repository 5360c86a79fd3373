package io.linia.knowledge;

import io.linia.accounts.Actor;
import io.linia.knowledge.internal.ArticleIndex;
import io.linia.tickets.MessageKind;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles that may answer a text: for agents on every ticket (all published articles, ranked by
 * the text and by the articles that answered the most similar past tickets), and for customers
 * while they type a request (public articles only).
 */
@Service
@Transactional(readOnly = true)
public class ArticleSuggestions {

    public static final int FOR_AGENTS = 5;
    public static final int FOR_CUSTOMERS = 5;

    private final ArticleIndex index;
    private final TicketService tickets;
    private final Timer agentTimer;
    private final Timer customerTimer;

    ArticleSuggestions(ArticleIndex index, TicketService tickets, MeterRegistry meters) {
        this.index = index;
        this.tickets = tickets;
        this.agentTimer = Timer.builder("linia.knowledge.suggestions").tag("for", "agent").register(meters);
        this.customerTimer = Timer.builder("linia.knowledge.suggestions").tag("for", "customer").register(meters);
    }

    /** The top articles for a ticket the actor may see (404 otherwise): its subject and what the customer wrote. */
    public List<ArticleHit> forTicket(Actor actor, String number) {
        TicketView t = tickets.get(actor, number);
        String customerText = t.messages().stream().filter(m -> m.kind() == MessageKind.CUSTOMER)
                .map(TicketView.MessageView::body).collect(Collectors.joining("\n"));
        return agentTimer.record(() -> index.suggest(t.subject(), customerText, !actor.isStaff(), FOR_AGENTS));
    }

    /** The top articles for any text, for staff (e.g. a draft reply) or for the public. */
    public List<ArticleHit> forText(String subject, String body, boolean publicOnly, int limit) {
        Timer timer = publicOnly ? customerTimer : agentTimer;
        return timer.record(() -> index.suggest(subject, body, publicOnly, Math.max(1, Math.min(limit, 20))));
    }
}
