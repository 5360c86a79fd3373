package io.linia.training;

import io.linia.shared.SqlTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The progression rules: stages in order, none skipped; a stage is complete only when its rule holds
 * (study: every material done; trainer session: every item ticked; shadowing and supervised work: the
 * minimum reached; attestation: a passed result). Completing the last stage completes the enrolment
 * and grants the programme's certification.
 */
@Component
class Progression {

    private final TrainingStore store;
    private final Certifications certifications;
    private final ApplicationEventPublisher events;
    private final TrainingProperties settings;
    private final Clock clock;

    Progression(TrainingStore store, Certifications certifications, ApplicationEventPublisher events, TrainingProperties settings,
                Clock clock) {
        this.store = store;
        this.certifications = certifications;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.zone());
    }

    static boolean complete(EnrolmentView.StageProgress s) {
        return switch (s.kind()) {
            case STUDY -> s.materials().stream().allMatch(m -> m.doneAt() != null);
            case TRAINER_SESSION -> s.checklist().stream().allMatch(c -> c.tickedAt() != null);
            case SHADOWING, SUPERVISED_WORK -> s.minimumAmount() != null && (s.minimumUnit() == MinimumUnit.HOURS
                    ? s.minutesDone() >= s.minimumAmount() * 60 : s.ticketsDone() >= s.minimumAmount());
            case ATTESTATION -> s.attestations().stream().anyMatch(EnrolmentView.AttestationResult::passed);
        };
    }

    /** Moves the enrolment on while its current stage's rule holds; returns it as it is then. */
    EnrolmentView advance(long enrolmentId) {
        EnrolmentView e = view(store.enrolment(enrolmentId).orElseThrow());
        while (e.status() == EnrolmentStatus.ACTIVE && e.current().isPresent() && complete(e.current().get())) {
            Instant now = clock.instant();
            int position = e.currentPosition();
            store.jdbc().sql("update training_enrolment_stage set completed_at = :at where enrolment_id = :e and position = :p")
                    .param("at", SqlTime.at(now)).param("e", enrolmentId).param("p", position).update();
            if (position < e.stages().size()) {
                start(e, e.stages().get(position), now);
            } else {
                store.jdbc().sql("update training_enrolment set status = 'COMPLETED', completed_at = :at where id = :e")
                        .param("at", SqlTime.at(now)).param("e", enrolmentId).update();
                events.publishEvent(new EnrolmentCompleted(enrolmentId, e.traineeId(), e.programmeId(), e.target(), e.groupId(), now));
                TrainingStore.ProgrammeRow p = store.programme(e.programmeId()).orElseThrow();
                EnrolmentView done = e;
                CertificationTarget.of(e.target(), e.groupId()).ifPresent(t -> certifications.grant(done.traineeId(), done.traineeName(), t,
                        p.id(), enrolmentId, p.validityMonths(), now));
            }
            e = view(store.enrolment(enrolmentId).orElseThrow());
        }
        return e;
    }

    void start(EnrolmentView e, EnrolmentView.StageProgress stage, Instant now) {
        store.jdbc().sql("update training_enrolment_stage set started_at = :at where enrolment_id = :e and position = :p")
                .param("at", SqlTime.at(now)).param("e", e.id()).param("p", stage.position()).update();
        events.publishEvent(new StageStarted(e.id(), e.traineeId(), e.trainerId(), stage.position(), stage.kind(), e.target(), e.groupId(), now));
    }

    EnrolmentView view(TrainingStore.EnrolmentRow row) {
        return views(List.of(row)).get(0);
    }

    /** Views of many enrolments: one query per table, however many enrolments. */
    List<EnrolmentView> views(List<TrainingStore.EnrolmentRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(TrainingStore.EnrolmentRow::id).toList();
        Map<Long, List<ProgrammeView.StageView>> definitions = new HashMap<>();
        Map<Long, List<TrainingStore.StageRow>> stageRows = store.stageRows(ids).stream()
                .collect(Collectors.groupingBy(TrainingStore.StageRow::enrolmentId));
        Map<Long, Map<Long, TrainingStore.ReadingRow>> readings = new HashMap<>();
        store.readings(ids).forEach(r -> readings.computeIfAbsent(r.enrolmentId(), k -> new HashMap<>()).put(r.materialId(), r));
        Map<Long, Map<Long, TrainingStore.CheckRow>> checks = new HashMap<>();
        store.checks(ids).forEach(c -> checks.computeIfAbsent(c.enrolmentId(), k -> new HashMap<>()).put(c.itemId(), c));
        Map<Long, List<EnrolmentView.AttestationResult>> attestations = store.attestations(ids).stream()
                .collect(Collectors.groupingBy(TrainingStore.AttestationRow::enrolmentId,
                        Collectors.mapping(TrainingStore.AttestationRow::result, Collectors.toList())));
        LocalDate today = today();
        List<EnrolmentView> out = new ArrayList<>(rows.size());
        for (TrainingStore.EnrolmentRow r : rows) {
            Map<Long, ProgrammeView.StageView> byId = definitions.computeIfAbsent(r.versionId(), store::stages).stream()
                    .collect(Collectors.toMap(ProgrammeView.StageView::id, s -> s));
            Map<Long, TrainingStore.ReadingRow> read = readings.getOrDefault(r.id(), Map.of());
            Map<Long, TrainingStore.CheckRow> ticked = checks.getOrDefault(r.id(), Map.of());
            List<EnrolmentView.StageProgress> stages = new ArrayList<>();
            int current = 0;
            boolean late = false;
            for (TrainingStore.StageRow s : stageRows.getOrDefault(r.id(), List.of())) {
                ProgrammeView.StageView d = byId.get(s.stageId());
                boolean stageLate = r.status() == EnrolmentStatus.ACTIVE && s.startedAt() != null && s.completedAt() == null
                        && s.dueDate().isBefore(today);
                if (r.status() == EnrolmentStatus.ACTIVE && s.startedAt() != null && s.completedAt() == null) {
                    current = s.position();
                    late = stageLate;
                }
                stages.add(new EnrolmentView.StageProgress(s.position(), s.stageId(), d.kind(), d.title(), s.dueDate(), s.startedAt(),
                        s.completedAt(), stageLate, d.minimumAmount(), d.minimumUnit(), s.ticketsDone(), s.minutesDone(),
                        d.materials().stream().map(m -> {
                            TrainingStore.ReadingRow rr = read.get(m.id());
                            return new EnrolmentView.MaterialProgress(m.id(), m.title(), m.articleId(), m.documentId(),
                                    rr == null ? null : rr.openedAt(), rr == null ? 0 : rr.seconds(), rr == null ? null : rr.doneAt());
                        }).toList(),
                        d.checklist().stream().map(c -> {
                            TrainingStore.CheckRow cr = ticked.get(c.id());
                            return new EnrolmentView.CheckProgress(c.id(), c.text(), cr == null ? null : cr.tickedAt(),
                                    cr == null ? null : cr.tickedBy());
                        }).toList(),
                        d.kind() == StageKind.ATTESTATION ? attestations.getOrDefault(r.id(), List.of()) : List.of()));
            }
            out.add(new EnrolmentView(r.id(), r.programmeId(), r.programmeName(), r.versionId(), r.versionNumber(), r.target(), r.groupId(),
                    r.traineeId(), r.traineeName(), r.trainerId(), r.trainerName(), r.enrolledBy(), r.enrolledAt(), r.status(),
                    r.completedAt(), current, late, List.copyOf(stages)));
        }
        return out;
    }
}
