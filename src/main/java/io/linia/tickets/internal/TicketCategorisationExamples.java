package io.linia.tickets.internal;

import io.linia.routing.CategorisationExamples;
import io.linia.routing.LabelledText;
import io.linia.tickets.MessageKind;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Past tickets as the categoriser's examples: subject and first customer message of every ticket
 * whose category a person chose or confirmed; a correction of the suggestion counts double. Read
 * page by page (keyset on id), each page in its own short read-only transaction.
 */
@Component
class TicketCategorisationExamples implements CategorisationExamples {

    static final int PAGE = 500;
    static final double CORRECTION_WEIGHT = 2.0;

    private final TicketRepository tickets;
    private final TransactionTemplate readOnly;

    TicketCategorisationExamples(TicketRepository tickets, PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public void forEach(Consumer<LabelledText> sink) {
        long after = 0;
        List<TicketRepository.LabelledTicket> page;
        do {
            long from = after;
            page = readOnly.execute(s -> tickets.findCategorisedByPerson(from, MessageKind.CUSTOMER, Limit.of(PAGE)));
            for (TicketRepository.LabelledTicket t : page) {
                sink.accept(new LabelledText(t.getSubject() + "\n" + t.getBody(), t.getCategoryId(),
                        t.getCorrected() ? CORRECTION_WEIGHT : 1.0));
                after = t.getId();
            }
        } while (page.size() == PAGE);
    }

    @Override
    public long correctionsSince(Instant since) {
        return readOnly.execute(s -> tickets.countCorrectionsSince(since));
    }
}
