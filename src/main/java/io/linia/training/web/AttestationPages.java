package io.linia.training.web;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.KnowledgeBase;
import io.linia.shared.DomainException;
import io.linia.training.ProgrammeView;
import io.linia.training.TrainingProgrammes;
import io.linia.training.attestation.Attempt;
import io.linia.training.attestation.AttestationDefinition;
import io.linia.training.attestation.AttestationDefinitions;
import io.linia.training.attestation.AttestationPage;
import io.linia.training.attestation.Attestations;
import io.linia.training.attestation.QuestionKind;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The attestation pages: the trainee's (start, questions with the time left, autosave, submit, results with what was
 * wrong), the trainer's rubric grading and the editor of a programme's attestation. Form fields: {@code q<position>}
 * for a question's answer (checkboxes send several values), {@code w<position>} for a practical task's work.
 */
@Controller
class AttestationPages {

    private final Attestations attestations;
    private final AttestationDefinitions definitions;
    private final TrainingProgrammes programmes;
    private final KnowledgeBase knowledge;
    private final Refusals refusals;
    private final Clock clock;

    AttestationPages(Attestations attestations, AttestationDefinitions definitions, TrainingProgrammes programmes, KnowledgeBase knowledge,
                     Refusals refusals, Clock clock) {
        this.clock = clock;
        this.attestations = attestations;
        this.definitions = definitions;
        this.programmes = programmes;
        this.knowledge = knowledge;
        this.refusals = refusals;
    }

    private void common(Actor actor, Model model, String tab) {
        model.addAttribute("tab", tab);
        model.addAttribute("isTrainer", actor.has(Role.TRAINER));
        model.addAttribute("oversees", actor.has(Role.TEAM_LEAD) || actor.has(Role.ADMIN));
        model.addAttribute("mayGrade", Attestations.mayGradeAny(actor));
    }

    // ------------------------------------------------------------------ the trainee

    @GetMapping("/agent/training/enrolments/{id}/attestation")
    String page(Actor actor, @PathVariable long id, Model model) {
        return page(actor, id, model, Map.of());
    }

    private String page(Actor actor, long id, Model model, Map<String, String> errors) {
        AttestationPage page = attestations.page(actor, id);
        common(actor, model, page.traineeId() == actor.id() ? "mine" : "trainees");
        model.addAttribute("page", page);
        model.addAttribute("isTrainee", page.traineeId() == actor.id());
        model.addAttribute("retakeFrom", page.retakeFrom() == null ? null : attestations.when(page.retakeFrom()));
        model.addAttribute("deadline", page.open() == null ? null : attestations.when(page.open().deadline()));
        model.addAttribute("errors", errors);
        return "training/attestation";
    }

    @PostMapping("/agent/training/enrolments/{id}/attestation/start")
    String start(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            attestations.start(actor, id);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("problem", refusals.explain(e));
        }
        return "redirect:/agent/training/enrolments/" + id + "/attestation";
    }

    @PostMapping("/agent/training/attestation/attempts/{attemptId}/save")
    String save(Actor actor, @PathVariable long attemptId, @RequestParam MultiValueMap<String, String> form,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        return take(actor, attemptId, form, htmx != null, false, model, redirect, response);
    }

    @PostMapping("/agent/training/attestation/attempts/{attemptId}/submit")
    String submit(Actor actor, @PathVariable long attemptId, @RequestParam MultiValueMap<String, String> form, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        return take(actor, attemptId, form, false, true, model, redirect, response);
    }

    private String take(Actor actor, long attemptId, MultiValueMap<String, String> form, boolean htmx, boolean submit, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        Attempt a = attestations.attempt(actor, attemptId);
        Map<Integer, String> answers = new LinkedHashMap<>();
        for (Attempt.Item i : a.items()) {
            List<String> values = form.getOrDefault("q" + i.position(), List.of());
            answers.put(i.position(), String.join(",", values.stream().filter(v -> v != null && !v.isBlank()).toList()));
        }
        Map<Integer, String> works = new LinkedHashMap<>();
        for (Attempt.Work w : a.works()) {
            works.put(w.position(), form.getFirst("w" + w.position()));
        }
        try {
            if (submit) {
                attestations.submit(actor, attemptId, answers, works);
                redirect.addFlashAttribute("success", refusals.text("attestation.submitted"));
            } else {
                attestations.answer(actor, attemptId, answers, works);
                if (htmx) {
                    model.addAttribute("savedAt", refusals.text("attestation.savedAt",
                            attestations.when(clock.instant()).substring(11)));
                    return "training/attestation-saved :: saved";
                }
                redirect.addFlashAttribute("success", refusals.text("attestation.saved"));
            }
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            if (e.field() != null) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                if (htmx) {
                    model.addAttribute("savedAt", refusals.explain(e));
                    return "training/attestation-saved :: saved";
                }
                return page(actor, a.enrolmentId(), model, Map.of(e.field(), refusals.explain(e)));
            }
            if (htmx) {
                response.setHeader("HX-Redirect", "/agent/training/enrolments/" + a.enrolmentId() + "/attestation");
            }
            redirect.addFlashAttribute("problem", refusals.explain(e));
        }
        return "redirect:/agent/training/enrolments/" + a.enrolmentId() + "/attestation";
    }

    // ------------------------------------------------------------------ the trainer

    @GetMapping("/agent/training/attestation/grading")
    String grading(Actor actor, Model model) {
        common(actor, model, "grading");
        model.addAttribute("attempts", attestations.awaitingGrading(actor));
        return "training/attestation-grading";
    }

    @GetMapping("/agent/training/attestation/attempts/{attemptId}")
    String attempt(Actor actor, @PathVariable long attemptId, Model model) {
        return attempt(actor, attemptId, model, Map.of(), Map.of(), null);
    }

    private String attempt(Actor actor, long attemptId, Model model, Map<String, String> errors, Map<String, String> values, String note) {
        Attempt a = attestations.attempt(actor, attemptId);
        common(actor, model, "grading");
        model.addAttribute("a", a);
        model.addAttribute("list", List.of(a));
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("note", note);
        return "training/attestation-attempt";
    }

    @PostMapping("/agent/training/attestation/attempts/{attemptId}/grade")
    String grade(Actor actor, @PathVariable long attemptId, @RequestParam Map<String, String> form, Model model,
                 RedirectAttributes redirect, HttpServletResponse response) {
        Map<Long, Integer> points = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> f : form.entrySet()) {
                if (f.getKey().startsWith("points[") && f.getKey().endsWith("]")) {
                    long criterion = Long.parseLong(f.getKey().substring(7, f.getKey().length() - 1));
                    values.put(f.getKey(), f.getValue());
                    if (f.getValue() == null || f.getValue().isBlank()) {
                        continue;
                    }
                    try {
                        points.put(criterion, Integer.valueOf(f.getValue().strip()));
                    } catch (NumberFormatException bad) {
                        throw DomainException.invalid(f.getKey(), "attestation.error.number");
                    }
                }
            }
            Attempt a = attestations.grade(actor, attemptId, points, form.get("note"));
            redirect.addFlashAttribute("success", refusals.text("attestation.graded", a.traineeName()));
            return "redirect:/agent/training/attestation/attempts/" + attemptId;
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.kind() == DomainException.Kind.INVALID_INPUT ? HttpStatus.BAD_REQUEST.value() : HttpStatus.CONFLICT.value());
            return attempt(actor, attemptId, model, Map.of(e.field() == null ? "form" : e.field(), refusals.explain(e)), values,
                    form.get("note"));
        }
    }

    // ------------------------------------------------------------------ the editor

    @GetMapping("/agent/training/programmes/{id}/attestation")
    String editor(Actor actor, @PathVariable long id, @RequestParam(required = false) Long edit, Model model) {
        if (edit == null) {
            return editor(actor, id, model, Map.of(), Map.of(), null);
        }
        // the question form filled with the question to change
        AttestationDefinition.Question q = definitions.definition(actor, id).questions().stream().filter(x -> x.id() == edit).findFirst()
                .orElseThrow(() -> DomainException.notFound("attestation.error.questionNotFound", edit));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("editing", String.valueOf(q.id()));
        form.put("kind", q.kind().name());
        form.put("text", q.text());
        form.put("options", String.join("\n", q.options()));
        form.put(q.kind() == QuestionKind.SHORT ? "accepted" : "correct", q.correct());
        form.put("articleId", q.articleId() == null ? "" : String.valueOf(q.articleId()));
        form.put("weight", String.valueOf(q.weight()));
        return editor(actor, id, model, Map.of(), form, "question");
    }

    private String editor(Actor actor, long id, Model model, Map<String, String> errors, Map<String, String> form, String which) {
        ProgrammeView p = programmes.programme(actor, id);
        common(actor, model, "programmes");
        model.addAttribute("p", p);
        model.addAttribute("d", definitions.definition(actor, id));
        model.addAttribute("articles", knowledge.list(actor, ArticleStatus.PUBLISHED, null, null, null, 500).articles());
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("which", which);
        return "training/attestation-edit";
    }

    @PostMapping("/agent/training/programmes/{id}/attestation/settings")
    String settings(Actor actor, @PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        return change(actor, id, form, "settings", model, redirect, response, () -> definitions.saveSettings(actor, id,
                new AttestationDefinitions.Settings(number(form, "questionCount"), number(form, "timeLimitMinutes"), number(form, "passMark"),
                        number(form, "retakePauseMinutes"), number(form, "practicalWeight"))));
    }

    @PostMapping("/agent/training/programmes/{id}/attestation/questions")
    String addQuestion(Actor actor, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
                       RedirectAttributes redirect, HttpServletResponse response) {
        return change(actor, id, form, "question", model, redirect, response, () -> definitions.addQuestion(actor, id, question(form)));
    }

    @PostMapping("/agent/training/programmes/{id}/attestation/questions/{questionId}")
    String replaceQuestion(Actor actor, @PathVariable long id, @PathVariable long questionId, @RequestParam Map<String, String> form,
                           Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> kept = new LinkedHashMap<>(form);
        kept.put("editing", String.valueOf(questionId));
        return change(actor, id, kept, "question", model, redirect, response,
                () -> definitions.replaceQuestion(actor, id, questionId, question(form)));
    }

    private static AttestationDefinitions.QuestionCommand question(Map<String, String> form) {
        QuestionKind kind;
        try {
            kind = QuestionKind.valueOf(form.getOrDefault("kind", ""));
        } catch (IllegalArgumentException bad) {
            throw DomainException.invalid("kind", "attestation.error.required");
        }
        List<Integer> correct = new ArrayList<>();
        for (String n : form.getOrDefault("correct", "").split("[,;\\s]+")) {
            if (!n.isBlank()) {
                try {
                    correct.add(Integer.valueOf(n.strip()));
                } catch (NumberFormatException bad) {
                    throw DomainException.invalid("correct", "attestation.error.number");
                }
            }
        }
        String article = form.getOrDefault("articleId", "");
        Long articleId;
        try {
            articleId = article.isBlank() ? null : Long.valueOf(article.strip());
        } catch (NumberFormatException bad) {
            throw DomainException.invalid("articleId", "attestation.error.number");
        }
        return new AttestationDefinitions.QuestionCommand(kind, form.get("text"), lines(form.get("options")), correct,
                lines(form.get("accepted")), articleId, number(form, "weight"));
    }

    @PostMapping("/agent/training/programmes/{id}/attestation/questions/{questionId}/remove")
    String removeQuestion(Actor actor, @PathVariable long id, @PathVariable long questionId, Model model, RedirectAttributes redirect,
                          HttpServletResponse response) {
        return change(actor, id, Map.of(), "question", model, redirect, response, () -> definitions.removeQuestion(actor, id, questionId));
    }

    @PostMapping("/agent/training/programmes/{id}/attestation/tasks")
    String addTask(Actor actor, @PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        return change(actor, id, form, "task", model, redirect, response, () -> {
            List<AttestationDefinitions.Criterion> criteria = new ArrayList<>();
            List<String> rows = lines(form.get("criteria"));
            for (int i = 0; i < rows.size(); i++) {
                String[] parts = rows.get(i).split("\\|");
                Integer max = null;
                if (parts.length == 2) {
                    try {
                        max = Integer.valueOf(parts[1].strip());
                    } catch (NumberFormatException bad) {
                        max = null;
                    }
                }
                if (max == null || max < 1 || max > 100 || parts[0].isBlank()) {
                    throw DomainException.invalid("criteria", "attestation.error.criterionLine", i + 1);
                }
                criteria.add(new AttestationDefinitions.Criterion(parts[0].strip(), max));
            }
            definitions.addTask(actor, id, new AttestationDefinitions.TaskCommand(form.get("title"), form.get("text"), criteria));
        });
    }

    @PostMapping("/agent/training/programmes/{id}/attestation/tasks/{taskId}/remove")
    String removeTask(Actor actor, @PathVariable long id, @PathVariable long taskId, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) {
        return change(actor, id, Map.of(), "task", model, redirect, response, () -> definitions.removeTask(actor, id, taskId));
    }

    private String change(Actor actor, long id, Map<String, String> form, String which, Model model, RedirectAttributes redirect,
                          HttpServletResponse response, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", refusals.text("training.saved"));
            return "redirect:/agent/training/programmes/" + id + "/attestation";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            String field = e.field() == null ? "form" : e.field().startsWith("criteria[") ? "criteria" : e.field();
            return editor(actor, id, model, Map.of(field, refusals.explain(e)), form, which);
        }
    }

    private static Integer number(Map<String, String> form, String field) {
        String v = form.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException bad) {
            throw DomainException.invalid(field, "attestation.error.number");
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
