package io.linia.training.web;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.training.DocumentView;
import io.linia.training.MinimumUnit;
import io.linia.training.ProgrammeCommand;
import io.linia.training.ProgrammeView;
import io.linia.training.StageKind;
import io.linia.training.TargetKind;
import io.linia.training.TrainingProgrammes;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Programmes: the list (all staff), and for administrators and trainers the editor — the programme's settings and
 * its stages one by one (add, change, move up, remove, upload a document to a study stage). Each change goes
 * through {@link TrainingProgrammes#update}, so enrolled versions are kept.
 */
@Controller
class ProgrammePages {

    /** A material line: "article 12", "document 5" (or just "12"), optionally "| title". */
    private static final Pattern MATERIAL = Pattern.compile("^(?:(article|a|статья|document|d|документ)\\s*)?(\\d+)\\s*(?:\\|\\s*(.*))?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final TrainingProgrammes programmes;
    private final Refusals refusals;

    ProgrammePages(TrainingProgrammes programmes, Refusals refusals) {
        this.programmes = programmes;
        this.refusals = refusals;
    }

    /** The stage fields of a form. */
    record StageForm(String kind, String title, String suggestedDays, String minimumAmount, String minimumUnit, String materials,
                     String checklist) {

        static StageForm of(ProgrammeView.StageView s) {
            return new StageForm(s.kind().name(), s.title(), String.valueOf(s.suggestedDays()),
                    s.minimumAmount() == null ? "" : String.valueOf(s.minimumAmount()), s.minimumUnit() == null ? "" : s.minimumUnit().name(),
                    String.join("\n", s.materials().stream().map(m -> (m.articleId() != null ? "article " + m.articleId() : "document " + m.documentId())
                            + " | " + m.title()).toList()),
                    String.join("\n", s.checklist().stream().map(ProgrammeView.ChecklistItemView::text).toList()));
        }

        static StageForm blank() {
            return new StageForm("STUDY", "", "5", "", "", "", "");
        }
    }

    private void common(Actor actor, Model model) {
        model.addAttribute("tab", "programmes");
        model.addAttribute("isTrainer", actor.has(io.linia.accounts.Role.TRAINER));
        model.addAttribute("oversees", actor.has(io.linia.accounts.Role.TEAM_LEAD) || actor.has(io.linia.accounts.Role.ADMIN));
        model.addAttribute("isLead", actor.has(io.linia.accounts.Role.TEAM_LEAD));
        model.addAttribute("mayEdit", TrainingProgrammes.mayEdit(actor));
        model.addAttribute("kinds", StageKind.values());
        model.addAttribute("units", MinimumUnit.values());
        model.addAttribute("targets", TargetKind.values());
        model.addAttribute("noErrors", Map.of());
    }

    @GetMapping("/agent/training/programmes")
    String list(Actor actor, Model model) {
        common(actor, model);
        model.addAttribute("programmes", programmes.programmes(actor));
        return "training/programmes";
    }

    @GetMapping("/agent/training/programmes/new")
    String create(Actor actor, Model model) {
        requireEditor(actor);
        common(actor, model);
        model.addAttribute("p", null);
        model.addAttribute("settings", new ProgrammeCommand("", "", TargetKind.FIRST_LINE, null, 24, true, List.of()));
        model.addAttribute("stage", StageForm.blank());
        model.addAttribute("errors", Map.of());
        return "training/programme-new";
    }

    @PostMapping("/agent/training/programmes")
    String create(Actor actor, @RequestParam(required = false) String name, @RequestParam(required = false) String description,
                  @RequestParam(required = false) String target, @RequestParam(required = false) Long groupId,
                  @RequestParam(required = false) String validityMonths, StageForm stage, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        requireEditor(actor);
        try {
            TargetKind t = parseEnum(TargetKind.class, target, "target");
            ProgrammeCommand c = new ProgrammeCommand(name, description, t, t == TargetKind.GROUP ? groupId : null,
                    parseInt(validityMonths, "validityMonths"), true, List.of(stage(stage)));
            ProgrammeView p = programmes.create(actor, c);
            redirect.addFlashAttribute("success", refusals.text("training.saved"));
            return "redirect:/agent/training/programmes/" + p.id();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            common(actor, model);
            model.addAttribute("settings", new ProgrammeCommand(name, description, safeEnum(target), groupId, safeInt(validityMonths), true, List.of()));
            model.addAttribute("stage", stage);
            model.addAttribute("errors", Map.of(formField(e.field()), refusals.explain(e)));
            return "training/programme-new";
        }
    }

    @GetMapping("/agent/training/programmes/{id}")
    String programme(Actor actor, @PathVariable long id, @RequestParam(required = false) Integer version, Model model) {
        common(actor, model);
        ProgrammeView p = version == null ? programmes.programme(actor, id) : programmes.version(actor, id, version);
        model.addAttribute("p", p);
        model.addAttribute("versions", programmes.versions(actor, id));
        model.addAttribute("stageForms", p.stages().stream().map(StageForm::of).toList());
        model.addAttribute("stage", StageForm.blank());
        model.addAttribute("errors", Map.of());
        model.addAttribute("errorStage", -1);
        model.addAttribute("readOnly", version != null || !TrainingProgrammes.mayEdit(actor));
        return "training/programme";
    }

    @PostMapping("/agent/training/programmes/{id}/settings")
    String settings(Actor actor, @PathVariable long id, @RequestParam(required = false) String name,
                    @RequestParam(required = false) String description, @RequestParam(required = false) String validityMonths,
                    @RequestParam(defaultValue = "false") boolean active, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return change(actor, id, model, redirect, response, -1, null, current -> {
            ProgrammeCommand c = current.toCommand();
            return new ProgrammeCommand(name, description, c.target(), c.groupId(), parseInt(validityMonths, "validityMonths"), active, c.stages());
        });
    }

    @PostMapping("/agent/training/programmes/{id}/stages")
    String addStage(Actor actor, @PathVariable long id, StageForm stage, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return change(actor, id, model, redirect, response, Integer.MAX_VALUE, stage, current -> {
            List<ProgrammeCommand.StageCommand> stages = new ArrayList<>(current.toCommand().stages());
            stages.add(stage(stage));
            return with(current, stages);
        });
    }

    @PostMapping("/agent/training/programmes/{id}/stages/{index}")
    String editStage(Actor actor, @PathVariable long id, @PathVariable int index, StageForm stage, Model model, RedirectAttributes redirect,
                     HttpServletResponse response) {
        return change(actor, id, model, redirect, response, index, stage, current -> {
            List<ProgrammeCommand.StageCommand> stages = new ArrayList<>(current.toCommand().stages());
            stages.set(checkIndex(index, stages), stage(stage));
            return with(current, stages);
        });
    }

    @PostMapping("/agent/training/programmes/{id}/stages/{index}/up")
    String up(Actor actor, @PathVariable long id, @PathVariable int index, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return change(actor, id, model, redirect, response, -1, null, current -> {
            List<ProgrammeCommand.StageCommand> stages = new ArrayList<>(current.toCommand().stages());
            int i = checkIndex(index, stages);
            if (i > 0) {
                stages.add(i - 1, stages.remove(i));
            }
            return with(current, stages);
        });
    }

    @PostMapping("/agent/training/programmes/{id}/stages/{index}/remove")
    String remove(Actor actor, @PathVariable long id, @PathVariable int index, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        return change(actor, id, model, redirect, response, -1, null, current -> {
            List<ProgrammeCommand.StageCommand> stages = new ArrayList<>(current.toCommand().stages());
            stages.remove(checkIndex(index, stages));
            return with(current, stages);
        });
    }

    @PostMapping("/agent/training/programmes/{id}/stages/{index}/document")
    String upload(Actor actor, @PathVariable long id, @PathVariable int index, @RequestParam(required = false) MultipartFile file,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        requireEditor(actor);
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        String fileName = file == null ? null : file.getOriginalFilename();
        return change(actor, id, model, redirect, response, index, null, current -> {
            List<ProgrammeCommand.StageCommand> stages = new ArrayList<>(current.toCommand().stages());
            ProgrammeCommand.StageCommand s = stages.get(checkIndex(index, stages));
            if (s.kind() != StageKind.STUDY) {
                throw DomainException.invalid("file", "training.error.documentForStudy");
            }
            DocumentView d = programmes.upload(actor, fileName, bytes);
            List<ProgrammeCommand.MaterialCommand> materials = new ArrayList<>(s.materials());
            materials.add(new ProgrammeCommand.MaterialCommand(null, d.id(), null));
            stages.set(index, new ProgrammeCommand.StageCommand(s.kind(), s.title(), s.suggestedDays(), s.minimumAmount(), s.minimumUnit(),
                    materials, s.checklist()));
            return with(current, stages);
        });
    }

    private String change(Actor actor, long id, Model model, RedirectAttributes redirect, HttpServletResponse response, int stageIndex,
                          StageForm stage, java.util.function.Function<ProgrammeView, ProgrammeCommand> edit) {
        requireEditor(actor);
        ProgrammeView current = programmes.programme(actor, id);
        try {
            ProgrammeView saved = programmes.update(actor, id, edit.apply(current));
            redirect.addFlashAttribute("success", saved.versionNumber() != current.versionNumber()
                    ? refusals.text("training.programme.newVersion", saved.versionNumber()) : refusals.text("training.saved"));
            return "redirect:/agent/training/programmes/" + id;
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            common(actor, model);
            model.addAttribute("p", current);
            model.addAttribute("versions", programmes.versions(actor, id));
            List<StageForm> forms = new ArrayList<>(current.stages().stream().map(StageForm::of).toList());
            if (stage != null && stageIndex >= 0 && stageIndex < forms.size()) {
                forms.set(stageIndex, stage);
            }
            model.addAttribute("stageForms", forms);
            model.addAttribute("stage", stage != null && stageIndex == Integer.MAX_VALUE ? stage : StageForm.blank());
            model.addAttribute("errors", Map.of(formField(e.field()), refusals.explain(e)));
            model.addAttribute("errorStage", stageIndex == -1 ? -2 : stageIndex);
            model.addAttribute("readOnly", false);
            return "training/programme";
        }
    }

    private static ProgrammeCommand with(ProgrammeView p, List<ProgrammeCommand.StageCommand> stages) {
        ProgrammeCommand c = p.toCommand();
        return new ProgrammeCommand(c.name(), c.description(), c.target(), c.groupId(), c.validityMonths(), c.active(), stages);
    }

    private static int checkIndex(int index, List<?> stages) {
        if (index < 0 || index >= stages.size()) {
            throw DomainException.notFound("training.error.noSuchStage", index + 1);
        }
        return index;
    }

    /** The stage of a form; a bad number or material line is refused at its field. */
    static ProgrammeCommand.StageCommand stage(StageForm f) {
        StageKind kind = parseEnum(StageKind.class, f.kind(), "kind");
        List<ProgrammeCommand.MaterialCommand> materials = new ArrayList<>();
        if (kind == StageKind.STUDY && f.materials() != null) {
            for (String line : f.materials().split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                Matcher m = MATERIAL.matcher(line.strip());
                if (!m.matches()) {
                    throw DomainException.invalid("materials", "training.error.materialLine", line.strip());
                }
                long ref = Long.parseLong(m.group(2));
                boolean document = m.group(1) != null && m.group(1).toLowerCase().startsWith("d");
                materials.add(new ProgrammeCommand.MaterialCommand(document ? null : ref, document ? ref : null, m.group(3)));
            }
        }
        List<String> checklist = kind == StageKind.TRAINER_SESSION && f.checklist() != null
                ? Arrays.stream(f.checklist().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of();
        return new ProgrammeCommand.StageCommand(kind, f.title(), parseInt(f.suggestedDays(), "suggestedDays"),
                kind.counted() ? parseInt(f.minimumAmount(), "minimumAmount") : null,
                kind.counted() && f.minimumUnit() != null && !f.minimumUnit().isBlank() ? parseEnum(MinimumUnit.class, f.minimumUnit(), "minimumUnit") : null,
                materials, checklist);
    }

    /** "stages[0].materials[1].articleId" → "materials": the field of the stage form. */
    static String formField(String field) {
        if (field == null) {
            return "form";
        }
        String f = field.replaceFirst("^stages\\[\\d+]\\.", "");
        int cut = f.indexOf('[');
        int dot = f.indexOf('.');
        int end = cut < 0 ? dot : dot < 0 ? cut : Math.min(cut, dot);
        f = end < 0 ? f : f.substring(0, end);
        return f.equals("articleId") || f.equals("documentId") ? "materials" : f.equals("stages") ? "form" : f;
    }

    private static Integer parseInt(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "training.error.number");
        }
    }

    private static Integer safeInt(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static TargetKind safeEnum(String s) {
        try {
            return s == null ? TargetKind.FIRST_LINE : TargetKind.valueOf(s);
        } catch (IllegalArgumentException e) {
            return TargetKind.FIRST_LINE;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String s, String field) {
        try {
            return Enum.valueOf(type, s == null ? "" : s.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "training.error.required");
        }
    }

    private static void requireEditor(Actor actor) {
        if (!TrainingProgrammes.mayEdit(actor)) {
            throw DomainException.forbidden("training.error.editorsOnly");
        }
    }
}
