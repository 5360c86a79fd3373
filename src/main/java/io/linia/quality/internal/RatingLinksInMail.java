package io.linia.quality.internal;

import io.linia.intake.SolvedMailAddition;
import io.linia.quality.CustomerRatings;
import io.linia.quality.RatingInvitation;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The rating links in the solved notice: one signed link per score, and the page to comment or change the rating. */
@Component
class RatingLinksInMail implements SolvedMailAddition {

    private final CustomerRatings ratings;
    private final MessageSource messages;

    RatingLinksInMail(CustomerRatings ratings, MessageSource messages) {
        this.ratings = ratings;
        this.messages = messages;
    }

    @Override
    public String solvedMailText(long ticketId, Locale locale) {
        return ratings.invitation(ticketId).filter(i -> !i.expired() && i.rating() == null).map(i -> text(i, locale)).orElse("");
    }

    private String text(RatingInvitation invitation, Locale locale) {
        StringBuilder b = new StringBuilder(messages.getMessage("quality.mail.ask", null, locale)).append('\n');
        for (Map.Entry<Integer, String> link : invitation.links().entrySet()) {
            b.append("• ").append(messages.getMessage("quality.rating." + invitation.scale() + "." + link.getKey(), null, locale))
                    .append(": ").append(link.getValue()).append('\n');
        }
        b.append(messages.getMessage("quality.mail.expires", new Object[] {invitation.expiresAt().toString().substring(0, 10)}, locale));
        return b.toString();
    }
}
