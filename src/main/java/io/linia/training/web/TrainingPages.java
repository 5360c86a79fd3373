package io.linia.training.web;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.KnowledgeBase;
import io.linia.shared.DomainException;
import io.linia.training.ActivityCount;
import io.linia.training.CertificationView;
import io.linia.training.Certifications;
import io.linia.training.DocumentContent;
import io.linia.training.EnrolmentCommand;
import io.linia.training.EnrolmentView;
import io.linia.training.Enrolments;
import io.linia.training.ProgrammeView;
import io.linia.training.RotationRuleCommand;
import io.linia.training.Rotations;
import io.linia.training.TrainingHistory;
import io.linia.training.TrainingProgrammes;
import io.linia.training.TrainingProgress;
import io.linia.training.TrainingProperties;
import io.linia.web.Refusals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The training pages: "my training", an enrolment with what each stage still needs (the trainee reads, the trainer
 * ticks and records, the team lead moves deadlines), a study material with reading time, the trainer's trainees,
 * the team lead's overview with late trainees, the enrolment form, rotation, certifications and each agent's history.
 */
@Controller
class TrainingPages {

    private final Enrolments enrolments;
    private final TrainingProgrammes programmes;
    private final TrainingProgress progress;
    private final Certifications certifications;
    private final Rotations rotations;
    private final TrainingHistory history;
    private final KnowledgeBase knowledge;
    private final UserDirectory users;
    private final Refusals refusals;
    private final TrainingProperties settings;
    private final Clock clock;

    TrainingPages(Enrolments enrolments, TrainingProgrammes programmes, TrainingProgress progress, Certifications certifications,
                  Rotations rotations, TrainingHistory history, KnowledgeBase knowledge, UserDirectory users, Refusals refusals,
                  TrainingProperties settings, Clock clock) {
        this.enrolments = enrolments;
        this.programmes = programmes;
        this.progress = progress;
        this.certifications = certifications;
        this.rotations = rotations;
        this.history = history;
        this.knowledge = knowledge;
        this.users = users;
        this.refusals = refusals;
        this.settings = settings;
        this.clock = clock;
    }

    private void common(Actor actor, Model model, String tab) {
        model.addAttribute("tab", tab);
        model.addAttribute("isTrainer", actor.has(Role.TRAINER));
        model.addAttribute("oversees", actor.has(Role.TEAM_LEAD) || actor.has(Role.ADMIN));
        model.addAttribute("isLead", Enrolments.mayEnrol(actor));
        model.addAttribute("mayEdit", TrainingProgrammes.mayEdit(actor));
    }

    @GetMapping("/agent/training")
    String mine(Actor actor, Model model) {
        common(actor, model, "mine");
        model.addAttribute("enrolments", enrolments.mine(actor));
        model.addAttribute("certifications", certifications.of(actor.id()));
        return "training/mine";
    }

    @GetMapping("/agent/training/trainees")
    String trainees(Actor actor, Model model) {
        common(actor, model, "trainees");
        model.addAttribute("enrolments", enrolments.trainees(actor));
        return "training/trainees";
    }

    @GetMapping("/agent/training/overview")
    String overview(Actor actor, Model model) {
        common(actor, model, "overview");
        model.addAttribute("enrolments", enrolments.overview(actor));
        return "training/overview";
    }

    // ------------------------------------------------------------------ enrolment

    @GetMapping("/agent/training/enrol")
    String enrolForm(Actor actor, @RequestParam(required = false) Long programmeId, Model model) {
        if (!Enrolments.mayEnrol(actor)) {
            throw DomainException.forbidden("training.error.leadsOnly");
        }
        return enrolForm(actor, model, programmeId, null, null, Map.of());
    }

    private String enrolForm(Actor actor, Model model, Long programmeId, Long traineeId, Long trainerId, Map<String, String> errors) {
        common(actor, model, "overview");
        model.addAttribute("programmes", programmes.programmes(actor).stream().filter(ProgrammeView::active).toList());
        model.addAttribute("agents", users.withAnyRole(Set.of(Role.AGENT_L1, Role.AGENT_L2)).stream().filter(UserRef::enabled).toList());
        model.addAttribute("trainers", trainers());
        model.addAttribute("programmeId", programmeId);
        model.addAttribute("traineeId", traineeId);
        model.addAttribute("trainerId", trainerId);
        model.addAttribute("errors", errors);
        return "training/enrol";
    }

    private List<UserRef> trainers() {
        return users.withAnyRole(Set.of(Role.TRAINER)).stream().filter(UserRef::enabled).toList();
    }

    @PostMapping("/agent/training/enrol")
    String enrol(Actor actor, @RequestParam(required = false) Long programmeId, @RequestParam(required = false) Long traineeId,
                 @RequestParam(required = false) Long trainerId, Model model, RedirectAttributes redirect,
                 jakarta.servlet.http.HttpServletResponse response) {
        try {
            EnrolmentView e = enrolments.enrol(actor, new EnrolmentCommand(programmeId, traineeId, trainerId, null));
            redirect.addFlashAttribute("success", refusals.text("training.enrol.done", e.traineeName(), e.programmeName()));
            return "redirect:/agent/training/enrolments/" + e.id();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return enrolForm(actor, model, programmeId, traineeId, trainerId,
                    Map.of(e.field() == null ? "form" : e.field(), refusals.explain(e)));
        }
    }

    @GetMapping("/agent/training/enrolments/{id}")
    String enrolment(Actor actor, @PathVariable long id, Model model) {
        EnrolmentView e = enrolments.enrolment(actor, id);
        common(actor, model, e.traineeId() == actor.id() ? "mine" : e.trainerId() == actor.id() ? "trainees" : "overview");
        model.addAttribute("e", e);
        model.addAttribute("isTrainee", e.traineeId() == actor.id());
        model.addAttribute("isItsTrainer", e.trainerId() == actor.id());
        return "training/enrolment";
    }

    @PostMapping("/agent/training/enrolments/{id}/tick/{itemId}")
    String tick(Actor actor, @PathVariable long id, @PathVariable long itemId, RedirectAttributes redirect) {
        return act(id, redirect, () -> enrolments.tick(actor, id, itemId));
    }

    @PostMapping("/agent/training/enrolments/{id}/activity")
    String activity(Actor actor, @PathVariable long id, @RequestParam(required = false) Integer tickets,
                    @RequestParam(required = false) Integer minutes, @RequestParam(required = false) String reference,
                    RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            int t = tickets == null ? 0 : tickets;
            int m = minutes == null ? 0 : minutes;
            if (t < 0 || m < 0 || t + m == 0 || t > 10000 || m > 100000) {
                throw DomainException.invalid("tickets", "training.error.nothingCounted");
            }
            progress.record(actor, id, new ActivityCount(t, m, reference == null || reference.isBlank() ? null : reference.strip()));
        });
    }

    @PostMapping("/agent/training/enrolments/{id}/attestation")
    String attestation(Actor actor, @PathVariable long id, @RequestParam(required = false) String score,
                       @RequestParam(defaultValue = "false") boolean passed, @RequestParam(required = false) String note,
                       RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            BigDecimal s;
            try {
                s = new BigDecimal(score == null ? "" : score.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw DomainException.invalid("score", "training.error.score");
            }
            progress.recordAttestation(actor, id, s, passed, note);
        });
    }

    @PostMapping("/agent/training/enrolments/{id}/due/{position}")
    String due(Actor actor, @PathVariable long id, @PathVariable int position,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate, RedirectAttributes redirect) {
        return act(id, redirect, () -> enrolments.setDueDate(actor, id, position, dueDate));
    }

    @PostMapping("/agent/training/enrolments/{id}/cancel")
    String cancel(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> enrolments.cancel(actor, id));
    }

    private String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", refusals.text("training.saved"));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("problem", refusals.explain(e));
        }
        return "redirect:/agent/training/enrolments/" + id;
    }

    // ------------------------------------------------------------------ reading

    @GetMapping("/agent/training/enrolments/{id}/materials/{materialId}")
    String material(Actor actor, @PathVariable long id, @PathVariable long materialId, Model model) {
        EnrolmentView.MaterialProgress m = enrolments.open(actor, id, materialId);
        common(actor, model, "mine");
        model.addAttribute("enrolmentId", id);
        model.addAttribute("m", m);
        model.addAttribute("article", m.articleId() == null ? null : knowledge.get(actor, m.articleId()));
        return "training/material";
    }

    @PostMapping("/agent/training/enrolments/{id}/materials/{materialId}/heartbeat")
    String heartbeat(Actor actor, @PathVariable long id, @PathVariable long materialId, Model model) {
        model.addAttribute("m", enrolments.heartbeat(actor, id, materialId));
        return "training/material :: spent";
    }

    @PostMapping("/agent/training/enrolments/{id}/materials/{materialId}/done")
    String done(Actor actor, @PathVariable long id, @PathVariable long materialId, RedirectAttributes redirect) {
        return act(id, redirect, () -> enrolments.markDone(actor, id, materialId));
    }

    @GetMapping("/agent/training/documents/{docId}")
    ResponseEntity<byte[]> document(Actor actor, @PathVariable long docId) {
        DocumentContent d = programmes.document(actor, docId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.name(), StandardCharsets.UTF_8).build().toString())
                .body(d.content());
    }

    // ------------------------------------------------------------------ rotation

    @GetMapping("/agent/training/rotation")
    String rotation(Actor actor, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Model model) {
        return rotationPage(actor, on, model, Map.of(), null);
    }

    private String rotationPage(Actor actor, LocalDate on, Model model, Map<String, String> errors, RotationRuleCommand form) {
        common(actor, model, "rotation");
        LocalDate day = on == null ? LocalDate.ofInstant(clock.instant(), settings.zone()) : on;
        model.addAttribute("on", day);
        model.addAttribute("rules", rotations.rules(actor));
        model.addAttribute("due", rotations.due(actor, day));
        model.addAttribute("rotationProgrammes", programmes.programmes(actor).stream()
                .filter(p -> p.target() == io.linia.training.TargetKind.ROTATION).toList());
        model.addAttribute("trainers", trainers());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "training/rotation";
    }

    @PostMapping("/agent/training/rotation/rules")
    String createRule(Actor actor, @RequestParam(required = false) String name, @RequestParam(required = false) Long groupId,
                      @RequestParam(required = false) Integer monthsAfter, @RequestParam(required = false) Integer withinMonths,
                      @RequestParam(required = false) Long programmeId, Model model, RedirectAttributes redirect,
                      jakarta.servlet.http.HttpServletResponse response) {
        RotationRuleCommand c = new RotationRuleCommand(name, groupId, monthsAfter, withinMonths, programmeId);
        try {
            rotations.create(actor, c);
            redirect.addFlashAttribute("success", refusals.text("training.saved"));
            return "redirect:/agent/training/rotation";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return rotationPage(actor, null, model, Map.of(e.field() == null ? "form" : e.field(), refusals.explain(e)), c);
        }
    }

    @PostMapping("/agent/training/rotation/rules/{id}/enrol-due")
    String enrolDue(Actor actor, @PathVariable long id, @RequestParam(required = false) Long trainerId, RedirectAttributes redirect) {
        try {
            List<EnrolmentView> done = rotations.enrolDue(actor, id, trainerId);
            redirect.addFlashAttribute("success", refusals.text("training.rotation.enrolled", done.size()));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("problem", refusals.explain(e));
        }
        return "redirect:/agent/training/rotation";
    }

    // ------------------------------------------------------------------ certifications and history

    @GetMapping("/agent/training/certifications")
    String register(Actor actor, Model model) {
        common(actor, model, "certifications");
        model.addAttribute("certifications", certifications.register(actor));
        return "training/certifications";
    }

    @PostMapping("/agent/training/certifications/{id}/revoke")
    String revoke(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            CertificationView c = certifications.revoke(actor, id, reason);
            redirect.addFlashAttribute("success", refusals.text("training.cert.revokedDone", c.userName()));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("problem", refusals.explain(e));
        }
        return "redirect:/agent/training/certifications";
    }

    @GetMapping("/agent/training/history")
    String historyIndex(Actor actor, @RequestParam(required = false) Long user) {
        return "redirect:/agent/training/history/" + (user == null ? actor.id() : user);
    }

    @GetMapping("/agent/training/history/{userId}")
    String history(Actor actor, @PathVariable long userId, Model model) {
        common(actor, model, "history");
        model.addAttribute("h", history.of(actor, userId));
        boolean all = actor.has(Role.TEAM_LEAD) || actor.has(Role.ADMIN) || actor.has(Role.TRAINER);
        model.addAttribute("agents", all ? users.withAnyRole(Set.of(Role.AGENT_L1, Role.AGENT_L2)) : List.of());
        return "training/history";
    }

    @GetMapping("/agent/training/history/{userId}/csv")
    ResponseEntity<String> csv(Actor actor, @PathVariable long userId) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("training-" + userId + ".csv").build().toString())
                .body(history.csv(actor, userId));
    }
}
