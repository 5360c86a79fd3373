package io.linia.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works a training queue now: the trainees whose current stage is shadowing or supervised work, with the programme's
 * target and the days of that work. Read by the workforce roster, which may then plan the trainee on the target line.
 */
@Service
@Transactional(readOnly = true)
public class TraineesAtWork {

    private final TrainingStore store;
    private final Progression progression;
    private final TrainingProperties settings;

    TraineesAtWork(TrainingStore store, Progression progression, TrainingProperties settings) {
        this.store = store;
        this.progression = progression;
        this.settings = settings;
    }

    /** The trainees at a stage of ticket work now (active enrolments only), oldest enrolment first. */
    public List<TraineeAtWork> now() {
        List<TraineeAtWork> out = new ArrayList<>();
        List<EnrolmentView> active = progression.views(store.enrolments("e.status = 'ACTIVE'", Map.of()));
        for (int i = active.size() - 1; i >= 0; i--) {
            EnrolmentView e = active.get(i);
            EnrolmentView.StageProgress s = e.current().orElse(null);
            if (s == null || !s.kind().counted() || s.startedAt() == null) {
                continue;
            }
            LocalDate until = s.dueDate();
            for (EnrolmentView.StageProgress next : e.stages()) {
                if (next.position() > s.position()) {
                    if (!next.kind().counted()) {
                        break;
                    }
                    until = next.dueDate();
                }
            }
            out.add(new TraineeAtWork(e.traineeId(), e.id(), e.programmeName(), s.position(), s.title(), s.kind(), e.target(), e.groupId(),
                    LocalDate.ofInstant(s.startedAt(), settings.zone()), until));
        }
        return out;
    }
}
