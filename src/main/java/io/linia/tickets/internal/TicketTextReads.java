package io.linia.tickets.internal;

import io.linia.tickets.Channel;
import io.linia.tickets.TicketNumber;
import io.linia.tickets.TicketTexts;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link TicketTexts} by plain queries over {@code ticket} (index on created_at) and its first customer message. */
@Component
@Transactional(readOnly = true)
class TicketTextReads implements TicketTexts {

    private static final int MAX_BODY = 4000;
    private static final int IDS_PER_QUERY = 500;

    private final JdbcTemplate jdbc;

    TicketTextReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Arrival> created(java.time.Instant from, java.time.Instant to, Channel channel, Long categoryId, int limit) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        StringBuilder sql = new StringBuilder("select id, channel, category_id, created_at, subject from ticket"
                + " where created_at >= ? and created_at < ?");
        if (channel != null) {
            sql.append(" and channel = ?");
            args.add(channel.name());
        }
        if (categoryId != null && categoryId == 0) {
            sql.append(" and category_id is null");
        } else if (categoryId != null) {
            sql.append(" and category_id = ?");
            args.add(categoryId);
        }
        sql.append(" order by created_at desc, id desc limit ").append(Math.max(0, limit));
        return jdbc.query(sql.toString(), (rs, i) -> new Arrival(rs.getLong(1), TicketNumber.format(rs.getLong(1)),
                Channel.valueOf(rs.getString(2)), (Long) rs.getObject(3, Long.class), rs.getTimestamp(4).toInstant(),
                rs.getString(5)), args.toArray());
    }

    @Override
    public Map<Long, String> texts(Collection<Long> ticketIds) {
        Map<Long, String> texts = new HashMap<>();
        List<Long> ids = ticketIds.stream().distinct().toList();
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            List<Long> part = ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY));
            String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            jdbc.query("select id, subject from ticket where id in (" + marks + ")", rs -> {
                texts.put(rs.getLong(1), rs.getString(2));
            }, part.toArray());
            // the customer's first message: the lowest id of kind CUSTOMER per ticket
            jdbc.query("select m.ticket_id, m.body from ticket_message m where m.id in (select min(id) from ticket_message"
                    + " where kind = 'CUSTOMER' and ticket_id in (" + marks + ") group by ticket_id)", rs -> {
                String body = rs.getString(2);
                if (body != null && body.length() > MAX_BODY) {
                    body = body.substring(0, MAX_BODY);
                }
                texts.merge(rs.getLong(1), body == null ? "" : body, (subject, b) -> subject + "\n" + b);
            }, part.toArray());
        }
        return texts;
    }
}
