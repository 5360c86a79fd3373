package io.linia.recovery.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The recovery tables (V23). Requests change state; rounds, password outcomes and decisions are only added. */
@Repository
class RecoveryStore {

    private final JdbcClient jdbc;

    RecoveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ requests

    record StoredRequest(long id, String mailbox, String contactEmail, String contactName, String language, long ticketId,
                         RequestState state, boolean thirdPartyText, Long thirdPartyMarkedBy, String moreTokenHash,
                         Instant moreTokenExpiresAt, String moreRequest, Instant submittedAt, Instant updatedAt, long version) {

        boolean aboutSomeoneElse() {
            return thirdPartyText || thirdPartyMarkedBy != null;
        }
    }

    long insertRequest(String mailbox, String contactEmail, String contactName, String language, long ticketId,
                       RequestState state, boolean thirdPartyText, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into recovery_request (mailbox, contact_email, contact_name, language, ticket_id, state,
                            third_party_text, submitted_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(mailbox, contactEmail, contactName, language, ticketId, state.name(), thirdPartyText, at(now), at(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<StoredRequest> request(long id) {
        return jdbc.sql("select * from recovery_request where id = ?").param(id).query(RecoveryStore::request).optional();
    }

    /** The request and a lock on it until the transaction ends (two decisions on one request wait for each other). */
    Optional<StoredRequest> requestForUpdate(long id) {
        return jdbc.sql("select * from recovery_request where id = ? for update").param(id).query(RecoveryStore::request).optional();
    }

    Optional<StoredRequest> requestOfTicket(long ticketId) {
        return jdbc.sql("select * from recovery_request where ticket_id = ? order by id desc").param(ticketId)
                .query(RecoveryStore::request).list().stream().findFirst();
    }

    Optional<StoredRequest> requestByMoreToken(String tokenHash) {
        return jdbc.sql("select * from recovery_request where more_token_hash = ?").param(tokenHash)
                .query(RecoveryStore::request).optional();
    }

    List<StoredRequest> requests(RequestState state, int limit) {
        return state == null
                ? jdbc.sql("select * from recovery_request order by id desc limit ?").param(limit).query(RecoveryStore::request).list()
                : jdbc.sql("select * from recovery_request where state = ? order by id desc limit ?").params(state.name(), limit)
                        .query(RecoveryStore::request).list();
    }

    void changeState(long id, RequestState state, Instant now) {
        jdbc.sql("update recovery_request set state = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(state.name(), at(now), id).update();
    }

    void askForMore(long id, String tokenHash, Instant expiresAt, String what, Instant now) {
        jdbc.sql("""
                        update recovery_request set state = ?, more_token_hash = ?, more_token_expires_at = ?, more_request = ?,
                            updated_at = ?, version = version + 1 where id = ?""")
                .params(RequestState.AWAITING_ANSWERS.name(), tokenHash, at(expiresAt), what, at(now), id).update();
    }

    /** The link is used up (answers came) or withdrawn (a decision was taken). */
    void clearMoreToken(long id) {
        jdbc.sql("update recovery_request set more_token_hash = null, more_token_expires_at = null where id = ?").param(id).update();
    }

    void markThirdParty(long id, long agentId, Instant now) {
        jdbc.sql("update recovery_request set third_party_marked_by = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(agentId, at(now), id).update();
    }

    /**
     * Another request for the same mailbox, as the panel lists it: its last decision and, when it was refused by the
     * policy, that decision's note (the phrases found in the text, or the agent's comment when they ticked it).
     */
    record OtherRequest(long id, long ticketId, RequestState state, Instant submittedAt, DecisionKind lastDecision,
                        boolean refusedByPolicy, String policyNote, boolean markedByAgent) {
    }

    /** The other requests for {@code mailbox} (already in canonical form), newest first; read by the mailbox index. */
    List<OtherRequest> otherRequests(String mailbox, long exceptId, int limit) {
        return jdbc.sql("""
                        select r.id, r.ticket_id, r.state, r.submitted_at, r.third_party_marked_by,
                            (select d.kind from recovery_decision d where d.request_id = r.id order by d.id desc limit 1) as last_kind,
                            p.id as policy_id, p.comment as policy_note
                        from recovery_request r
                        left join recovery_decision p on p.id = (select min(x.id) from recovery_decision x
                            where x.request_id = r.id and x.kind = 'POLICY')
                        where r.mailbox = ? and r.id <> ?
                        order by r.id desc limit ?""")
                .params(mailbox, exceptId, limit)
                .query((rs, n) -> {
                    String last = rs.getString("last_kind");
                    rs.getLong("policy_id");
                    boolean policy = !rs.wasNull();
                    rs.getLong("third_party_marked_by");
                    boolean marked = !rs.wasNull();
                    return new OtherRequest(rs.getLong("id"), rs.getLong("ticket_id"), RequestState.valueOf(rs.getString("state")),
                            instant(rs, "submitted_at"), last == null ? null : DecisionKind.valueOf(last), policy,
                            rs.getString("policy_note"), marked);
                }).list();
    }

    private static StoredRequest request(ResultSet rs, int row) throws SQLException {
        long marked = rs.getLong("third_party_marked_by");
        Long markedBy = rs.wasNull() ? null : marked;
        return new StoredRequest(rs.getLong("id"), rs.getString("mailbox"), rs.getString("contact_email"),
                rs.getString("contact_name"), rs.getString("language"), rs.getLong("ticket_id"),
                RequestState.valueOf(rs.getString("state")), rs.getBoolean("third_party_text"), markedBy,
                rs.getString("more_token_hash"), instant(rs, "more_token_expires_at"), rs.getString("more_request"),
                instant(rs, "submitted_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }

    // ------------------------------------------------------------------ rounds of answers

    /** One round as kept: the answers without the passwords, and each password's outcome. */
    record StoredRound(int round, Instant submittedAt, Questionnaire.Answers answers, List<PasswordOutcome> passwords) {
    }

    /** A remembered password's check, in the order given; the password itself is not kept. */
    record PasswordOutcome(int position, boolean matched, boolean current, LocalDate usedFrom, LocalDate usedUntil) {
    }

    void insertRound(long requestId, int round, Instant now, Questionnaire.Answers a, List<PasswordOutcome> outcomes) {
        jdbc.sql("""
                        insert into recovery_answers (request_id, round, submitted_at, registration_date, registration_city,
                            folders, contacts, filters, devices, last_login_date, free_text)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(requestId, round, at(now), a.registrationDate(), a.registrationCity(), lines(a.folders()),
                        lines(a.contacts()), lines(a.filters()), lines(a.devices()), a.lastLoginDate(), a.freeText())
                .update();
        for (PasswordOutcome o : outcomes) {
            jdbc.sql("""
                            insert into recovery_password_check (request_id, round, position, matched, is_current, used_from, used_until)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(requestId, round, o.position(), o.matched(), o.current(), o.usedFrom(), o.usedUntil()).update();
        }
    }

    List<StoredRound> rounds(long requestId) {
        List<PasswordRow> checks = jdbc.sql("""
                        select round, position, matched, is_current, used_from, used_until from recovery_password_check
                        where request_id = ? order by round, position""").param(requestId)
                .query((rs, n) -> new PasswordRow(rs.getInt("round"), new PasswordOutcome(rs.getInt("position"),
                        rs.getBoolean("matched"), rs.getBoolean("is_current"), date(rs, "used_from"), date(rs, "used_until"))))
                .list();
        return jdbc.sql("select * from recovery_answers where request_id = ? order by round").param(requestId)
                .query((rs, n) -> {
                    int round = rs.getInt("round");
                    List<PasswordOutcome> outcomes = checks.stream().filter(c -> c.round() == round).map(PasswordRow::outcome).toList();
                    // the passwords' places are kept (as blanks) so that the answers say how many were given
                    Questionnaire.Answers answers = new Questionnaire.Answers(date(rs, "registration_date"),
                            rs.getString("registration_city"), List.of(), split(rs.getString("folders")),
                            split(rs.getString("contacts")), split(rs.getString("filters")), split(rs.getString("devices")),
                            date(rs, "last_login_date"), rs.getString("free_text"));
                    return new StoredRound(round, instant(rs, "submitted_at"), answers, outcomes);
                }).list();
    }

    private record PasswordRow(int round, PasswordOutcome outcome) {
    }

    // ------------------------------------------------------------------ decisions

    record StoredDecision(long id, long requestId, DecisionKind kind, boolean resetLink, boolean unblock, RefusalReason reason,
                          String comment, int score, long agentId, String agentName, Instant decidedAt, Long settledBy) {
    }

    long insertDecision(long requestId, DecisionKind kind, boolean resetLink, boolean unblock, RefusalReason reason,
                        String comment, int score, long agentId, String agentName, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into recovery_decision (request_id, kind, reset_link, unblock, reason, comment, score, agent_id,
                            agent_name, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(requestId, kind.name(), resetLink, unblock, reason == null ? null : reason.name(), comment, score,
                        agentId, agentName, at(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void settle(long decisionId, long settledBy) {
        jdbc.sql("update recovery_decision set settled_by = ? where id = ? and settled_by is null").params(settledBy, decisionId).update();
    }

    List<StoredDecision> decisions(long requestId) {
        return jdbc.sql("select * from recovery_decision where request_id = ? order by id").param(requestId)
                .query((rs, n) -> {
                    long settled = rs.getLong("settled_by");
                    Long settledBy = rs.wasNull() ? null : settled;
                    String reason = rs.getString("reason");
                    return new StoredDecision(rs.getLong("id"), rs.getLong("request_id"), DecisionKind.valueOf(rs.getString("kind")),
                            rs.getBoolean("reset_link"), rs.getBoolean("unblock"), reason == null ? null : RefusalReason.valueOf(reason),
                            rs.getString("comment"), rs.getInt("score"), rs.getLong("agent_id"), rs.getString("agent_name"),
                            instant(rs, "decided_at"), settledBy);
                }).list();
    }

    // ------------------------------------------------------------------ helpers

    static Timestamp at(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static String lines(List<String> items) {
        return items.isEmpty() ? null : String.join("\n", items);
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList();
    }
}
