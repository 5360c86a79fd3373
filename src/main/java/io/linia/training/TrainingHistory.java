package io.linia.training;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.shared.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each agent's path through training: programmes and versions, stages with dates, trainers, attestation scores,
 * certifications; and the same as CSV. The agent reads their own; trainers, team leads and administrators read anyone's.
 */
@Service
@Transactional(readOnly = true)
public class TrainingHistory {

    static final String CSV_HEADER = "record,programme,version,target,trainer,enrolled,status,stage,kind,title,started,due,completed,"
            + "tickets,minutes,scores,certification_granted,valid_until,ended,end_reason";

    private final TrainingStore store;
    private final Progression progression;
    private final Certifications certifications;
    private final UserDirectory users;
    private final TrainingProperties settings;

    TrainingHistory(TrainingStore store, Progression progression, Certifications certifications, UserDirectory users,
                    TrainingProperties settings) {
        this.store = store;
        this.progression = progression;
        this.certifications = certifications;
        this.users = users;
        this.settings = settings;
    }

    public AgentHistory of(Actor actor, long userId) {
        if (actor == null || !(actor.id() == userId || Access.oversees(actor) || TrainingProgrammes.mayEdit(actor))) {
            throw DomainException.notFound("training.error.userNotFound", userId);
        }
        UserRef user = users.user(userId).orElseThrow(() -> DomainException.notFound("training.error.userNotFound", userId));
        List<EnrolmentView> enrolments = progression.views(store.enrolments("e.trainee_id = :u", Map.of("u", userId)));
        return new AgentHistory(userId, user.displayName(), reversed(enrolments), certifications.of(userId));
    }

    /**
     * The history as CSV (RFC 4180, UTF-8): one row per stage of every enrolment (oldest first), then one per
     * certification. Dates are days in {@code linia.training.zone}; scores of all attempts joined by "/".
     */
    public String csv(Actor actor, long userId) {
        AgentHistory h = of(actor, userId);
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (EnrolmentView e : h.enrolments()) {
            for (EnrolmentView.StageProgress s : e.stages()) {
                String scores = s.attestations().stream()
                        .map(a -> a.score().stripTrailingZeros().toPlainString() + (a.passed() ? "" : "(failed)"))
                        .collect(Collectors.joining("/"));
                row(out, "stage", e.programmeName(), String.valueOf(e.versionNumber()), target(e.target(), e.groupId()), e.trainerName(),
                        day(e.enrolledAt()), e.status().name(), String.valueOf(s.position()), s.kind().name(), s.title(),
                        day(s.startedAt()), s.dueDate().toString(), day(s.completedAt()),
                        s.kind().counted() ? String.valueOf(s.ticketsDone()) : "", s.kind().counted() ? String.valueOf(s.minutesDone()) : "",
                        scores, "", "", "", "");
            }
        }
        for (CertificationView c : h.certifications()) {
            Instant ended = c.revokedAt() != null ? c.revokedAt() : c.expiredAt();
            String reason = c.revokedAt() != null ? "revoked: " + c.revokeReason() : c.expiredAt() != null ? "expired" : "";
            row(out, "certification", c.programmeName() == null ? "" : c.programmeName(), "", c.target().code(), "", "", c.active() ? "ACTIVE" : "ENDED",
                    "", "", "", "", "", "", "", "", "", day(c.grantedAt()), day(c.validUntil()), day(ended), reason);
        }
        return out.toString();
    }

    private String day(Instant at) {
        return at == null ? "" : LocalDate.ofInstant(at, settings.zone()).toString();
    }

    private static String target(TargetKind kind, Long groupId) {
        return kind == TargetKind.GROUP ? "GROUP:" + groupId : kind.name();
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells[i] == null ? "" : cells[i];
            // a cell starting like a formula is quoted and prefixed, so that a spreadsheet does not run it
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) {
                c = "'" + c;
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r") || c.startsWith("'")) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            out.append(c);
        }
        out.append("\r\n");
    }

    private static List<EnrolmentView> reversed(List<EnrolmentView> newestFirst) {
        List<EnrolmentView> out = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(out);
        return List.copyOf(out);
    }
}
