package io.linia.training.api;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.training.ActivityCount;
import io.linia.training.AgentHistory;
import io.linia.training.CertificationTarget;
import io.linia.training.CertificationView;
import io.linia.training.Certifications;
import io.linia.training.DocumentContent;
import io.linia.training.DocumentView;
import io.linia.training.EnrolmentCommand;
import io.linia.training.EnrolmentView;
import io.linia.training.Enrolments;
import io.linia.training.ProgrammeCommand;
import io.linia.training.ProgrammeView;
import io.linia.training.RotationDue;
import io.linia.training.RotationRuleCommand;
import io.linia.training.RotationRuleView;
import io.linia.training.Rotations;
import io.linia.training.TargetKind;
import io.linia.training.TrainingHistory;
import io.linia.training.TrainingProgrammes;
import io.linia.training.TrainingProgress;
import io.linia.training.TrainingProperties;
import io.linia.training.VersionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Training over the API: programmes (administrators and trainers change them), documents, enrolments (team leads
 * enrol), reading and checklists, counted work and attestation results recorded by the trainer, the certification
 * register, rotation rules and who is due, each agent's history (JSON and CSV). Staff only; bad input answers
 * 400 naming the field.
 */
@RestController
@RequestMapping("/api/v1/training")
@Tag(name = "Training")
class TrainingApi {

    record DueDateBody(@NotNull LocalDate dueDate) {
    }

    record ActivityBody(@Min(0) @Max(10000) Integer tickets, @Min(0) @Max(100000) Integer minutes, @Size(max = 100) String reference) {
    }

    record AttestationBody(@NotNull @DecimalMin("0") BigDecimal score, @NotNull Boolean passed, @Size(max = 500) String note) {
    }

    record RevokeBody(@NotBlank @Size(max = 500) String reason) {
    }

    record EnrolDueBody(@NotNull Long trainerId) {
    }

    record Holds(long userId, CertificationTarget target, Instant at, boolean holds) {
    }

    private final TrainingProgrammes programmes;
    private final Enrolments enrolments;
    private final TrainingProgress progress;
    private final Certifications certifications;
    private final Rotations rotations;
    private final TrainingHistory history;
    private final TrainingProperties settings;
    private final Clock clock;

    TrainingApi(TrainingProgrammes programmes, Enrolments enrolments, TrainingProgress progress, Certifications certifications,
                Rotations rotations, TrainingHistory history, TrainingProperties settings, Clock clock) {
        this.settings = settings;
        this.programmes = programmes;
        this.enrolments = enrolments;
        this.progress = progress;
        this.certifications = certifications;
        this.rotations = rotations;
        this.history = history;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ programmes

    @GetMapping("/programmes")
    @Operation(summary = "All programmes with the stages of their current version (staff)")
    List<ProgrammeView> programmes(Actor actor) {
        return programmes.programmes(actor);
    }

    @GetMapping("/programmes/{id}")
    ProgrammeView programme(Actor actor, @PathVariable long id) {
        return programmes.programme(actor, id);
    }

    @GetMapping("/programmes/{id}/versions")
    @Operation(summary = "A programme's versions, newest first, with how many enrolments started with each")
    List<VersionView> versions(Actor actor, @PathVariable long id) {
        return programmes.versions(actor, id);
    }

    @GetMapping("/programmes/{id}/versions/{number}")
    ProgrammeView version(Actor actor, @PathVariable long id, @PathVariable int number) {
        return programmes.version(actor, id, number);
    }

    @PostMapping("/programmes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a programme (administrators, trainers)",
            description = "target FIRST_LINE, GROUP (with groupId) or ROTATION; stages in order: STUDY with materials (articleId or "
                    + "documentId), TRAINER_SESSION with checklist, SHADOWING and SUPERVISED_WORK with minimumAmount and minimumUnit "
                    + "(TICKETS or HOURS), ATTESTATION. validityMonths: how long the certification holds (null: no end).")
    ProgrammeView create(Actor actor, @Valid @RequestBody ProgrammeCommand command) {
        return programmes.create(actor, command);
    }

    @PutMapping("/programmes/{id}")
    @Operation(summary = "Change a programme (administrators, trainers): a version somebody enrolled in is kept, the change becomes a new version")
    ProgrammeView update(Actor actor, @PathVariable long id, @Valid @RequestBody ProgrammeCommand command) {
        return programmes.update(actor, id, command);
    }

    @PostMapping(value = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a study document (administrators, trainers; PDF, DOCX, XLSX, PPTX, ODT, PNG, JPEG, TXT, MD; size-limited)")
    DocumentView upload(Actor actor, @RequestPart("file") MultipartFile file) throws IOException {
        return programmes.upload(actor, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/documents")
    List<DocumentView> documents(Actor actor) {
        return programmes.documents(actor);
    }

    @GetMapping("/documents/{id}")
    ResponseEntity<byte[]> document(Actor actor, @PathVariable long id) {
        DocumentContent d = programmes.document(actor, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.content());
    }

    // ------------------------------------------------------------------ enrolments

    @PostMapping("/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enrol an agent in a programme's current version with a trainer (team leads); dueDates optional, one per stage")
    EnrolmentView enrol(Actor actor, @Valid @RequestBody EnrolmentCommand command) {
        return enrolments.enrol(actor, command);
    }

    @GetMapping("/enrolments/{id}")
    @Operation(summary = "One enrolment (its trainee, its trainer, team leads, administrators)")
    EnrolmentView enrolment(Actor actor, @PathVariable long id) {
        return enrolments.enrolment(actor, id);
    }

    @GetMapping("/my")
    @Operation(summary = "My training: my enrolments, current stage, what is left, deadlines")
    List<EnrolmentView> mine(Actor actor) {
        return enrolments.mine(actor);
    }

    @GetMapping("/trainees")
    @Operation(summary = "The trainer's trainees in progress")
    List<EnrolmentView> trainees(Actor actor) {
        return enrolments.trainees(actor);
    }

    @GetMapping("/overview")
    @Operation(summary = "All trainees in progress, late ones first (team leads, administrators)")
    List<EnrolmentView> overview(Actor actor) {
        return enrolments.overview(actor);
    }

    @PutMapping("/enrolments/{id}/stages/{position}/due")
    @Operation(summary = "Move a stage's deadline (team leads)")
    EnrolmentView due(Actor actor, @PathVariable long id, @PathVariable int position, @Valid @RequestBody DueDateBody body) {
        return enrolments.setDueDate(actor, id, position, body.dueDate());
    }

    @PostMapping("/enrolments/{id}/cancel")
    EnrolmentView cancel(Actor actor, @PathVariable long id) {
        return enrolments.cancel(actor, id);
    }

    @PostMapping("/enrolments/{id}/materials/{materialId}/open")
    @Operation(summary = "The trainee opens a study material")
    EnrolmentView.MaterialProgress open(Actor actor, @PathVariable long id, @PathVariable long materialId) {
        return enrolments.open(actor, id, materialId);
    }

    @PostMapping("/enrolments/{id}/materials/{materialId}/heartbeat")
    @Operation(summary = "The open material is still being read (time since the last sign counts, capped)")
    EnrolmentView.MaterialProgress heartbeat(Actor actor, @PathVariable long id, @PathVariable long materialId) {
        return enrolments.heartbeat(actor, id, materialId);
    }

    @PostMapping("/enrolments/{id}/materials/{materialId}/done")
    @Operation(summary = "The trainee marks an opened material done")
    EnrolmentView done(Actor actor, @PathVariable long id, @PathVariable long materialId) {
        return enrolments.markDone(actor, id, materialId);
    }

    @PostMapping("/enrolments/{id}/checklist/{itemId}/tick")
    @Operation(summary = "The trainer ticks a checklist item of the current trainer session")
    EnrolmentView tick(Actor actor, @PathVariable long id, @PathVariable long itemId) {
        return enrolments.tick(actor, id, itemId);
    }

    @PostMapping("/enrolments/{id}/activity")
    @Operation(summary = "The trainer records counted work of the current shadowing or supervised stage (tickets and/or minutes)")
    EnrolmentView activity(Actor actor, @PathVariable long id, @Valid @RequestBody ActivityBody body) {
        int tickets = body.tickets() == null ? 0 : body.tickets();
        int minutes = body.minutes() == null ? 0 : body.minutes();
        if (tickets + minutes == 0) {
            throw DomainException.invalid("tickets", "training.error.nothingCounted");
        }
        return progress.record(actor, id, new ActivityCount(tickets, minutes, body.reference()));
    }

    @PostMapping("/enrolments/{id}/attestation")
    @Operation(summary = "The trainer records an attestation result; a pass completes the attestation stage")
    EnrolmentView attestation(Actor actor, @PathVariable long id, @Valid @RequestBody AttestationBody body) {
        return progress.recordAttestation(actor, id, body.score(), body.passed(), body.note());
    }

    // ------------------------------------------------------------------ certifications

    @GetMapping("/certifications")
    @Operation(summary = "The certification register (team leads, administrators, trainers)")
    List<CertificationView> register(Actor actor) {
        return certifications.register(actor);
    }

    @GetMapping("/certifications/holds")
    @Operation(summary = "Whether a user holds a certification (FIRST_LINE or GROUP with groupId) at an instant (default now)")
    Holds holds(Actor actor, @RequestParam long userId, @RequestParam TargetKind target, @RequestParam(required = false) Long groupId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        if (target == TargetKind.ROTATION) {
            throw DomainException.invalid("target", "training.error.noCertification");
        }
        if ((target == TargetKind.GROUP) != (groupId != null)) {
            throw DomainException.invalid("groupId", "training.error.groupOnlyForGroup");
        }
        CertificationTarget t = new CertificationTarget(target, groupId);
        Instant when = at == null ? clock.instant() : at;
        return new Holds(userId, t, when, certifications.holds(userId, t, when));
    }

    @PostMapping("/certifications/{id}/revoke")
    @Operation(summary = "Revoke a certification with a reason (team leads, administrators)")
    CertificationView revoke(Actor actor, @PathVariable long id, @Valid @RequestBody RevokeBody body) {
        return certifications.revoke(actor, id, body.reason());
    }

    // ------------------------------------------------------------------ rotation

    @GetMapping("/rotation/rules")
    List<RotationRuleView> rules(Actor actor) {
        return rotations.rules(actor);
    }

    @PostMapping("/rotation/rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a rotation rule (team leads, administrators): after monthsAfter in a group, the course within withinMonths")
    RotationRuleView createRule(Actor actor, @Valid @RequestBody RotationRuleCommand command) {
        return rotations.create(actor, command);
    }

    @PostMapping("/rotation/rules/{id}/active")
    RotationRuleView active(Actor actor, @PathVariable long id, @RequestParam boolean active) {
        return rotations.setActive(actor, id, active);
    }

    @GetMapping("/rotation/due")
    @Operation(summary = "Who is due for rotation on a day (default today)")
    List<RotationDue> due(Actor actor, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return rotations.due(actor, on == null ? LocalDate.ofInstant(clock.instant(), settings.zone()) : on);
    }

    @PostMapping("/rotation/rules/{id}/enrol-due")
    @Operation(summary = "Enrol everybody due for the rule today in its course with this trainer (team leads)")
    List<EnrolmentView> enrolDue(Actor actor, @PathVariable long id, @Valid @RequestBody EnrolDueBody body) {
        return rotations.enrolDue(actor, id, body.trainerId());
    }

    // ------------------------------------------------------------------ history

    @GetMapping("/history/{userId}")
    @Operation(summary = "An agent's whole path (the agent themselves, trainers, team leads, administrators)")
    AgentHistory history(Actor actor, @PathVariable long userId) {
        return history.of(actor, userId);
    }

    @GetMapping("/history/{userId}/csv")
    ResponseEntity<String> csv(Actor actor, @PathVariable long userId) {
        String body = history.csv(actor, userId);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("training-" + userId + ".csv").build().toString())
                .body(body);
    }
}
