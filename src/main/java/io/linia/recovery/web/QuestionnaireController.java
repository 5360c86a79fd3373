package io.linia.recovery.web;

import io.linia.recovery.abuse.ProofOfWork;
import io.linia.recovery.abuse.UploadLimits;
import io.linia.recovery.requests.Questionnaire;
import io.linia.recovery.requests.RecoveryRequestProperties;
import io.linia.recovery.requests.RecoveryRequests;
import io.linia.shared.DomainException;
import io.linia.tickets.IncomingMail;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public access-recovery questionnaire (no sign-in: the person is locked out of their mailbox) and the page
 * behind an "add answers" link. Every problem is shown next to its field and nothing is stored; a proof of work
 * (solved by the page's script) and rate limits keep it from being sent in bulk; remembered passwords are
 * never sent back to the browser.
 */
@Controller
@RequestMapping("/access-recovery")
class QuestionnaireController {

    private final RecoveryRequests requests;
    private final ProofOfWork proofOfWork;
    private final UploadLimits uploadLimits;
    private final RecoveryRequestProperties settings;
    private final Refusals refusals;

    QuestionnaireController(RecoveryRequests requests, ProofOfWork proofOfWork, UploadLimits uploadLimits,
                            RecoveryRequestProperties settings, Refusals refusals) {
        this.requests = requests;
        this.proofOfWork = proofOfWork;
        this.uploadLimits = uploadLimits;
        this.settings = settings;
        this.refusals = refusals;
    }

    @GetMapping
    String form(Model model) {
        return page(model, new QuestionnaireForm(), Map.of());
    }

    @PostMapping
    String submit(@ModelAttribute("form") QuestionnaireForm form,
                  @RequestParam(name = "screenshots", required = false) List<MultipartFile> screenshots,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Questionnaire q = form.questionnaire(errors, refusals.text("recovery.form.badDate"));
        requests.problems(q).forEach((field, e) -> errors.putIfAbsent(field, refusals.explain(e)));
        List<MultipartFile> files = files(screenshots);
        refuseInto(errors, () -> uploadLimits.check(files));
        if (errors.isEmpty()) {
            refuseInto(errors, () -> proofOfWork.verify(form.getPowToken(), form.getPowSolution()));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(model, form, errors);
        }
        try {
            RecoveryRequests.Submitted sent = requests.submit(q, attachments(files), LocaleContextHolder.getLocale(),
                    request.getRemoteAddr());
            redirect.addFlashAttribute("number", sent.ticketNumber());
            redirect.addFlashAttribute("contact", q.contactEmail().strip());
            redirect.addFlashAttribute("refusedByPolicy", sent.refusedByPolicy());
            return "redirect:/access-recovery/sent";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.TOO_MANY_REQUESTS) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                if (e.retryAfterSeconds() != null) {
                    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
                }
            } else if (e.kind() == DomainException.Kind.CONFLICT) {
                response.setStatus(HttpStatus.CONFLICT.value());
            } else {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
            errors.put(e.field() == null ? "form" : e.field(), refusals.explain(e));
            model.addAttribute("refusal", refusals.explain(e));
            return page(model, form, errors);
        }
    }

    @GetMapping("/sent")
    String sent(Model model) {
        if (!model.containsAttribute("number")) {
            return "redirect:/access-recovery";
        }
        return "recovery/sent";
    }

    @GetMapping("/more/{token}")
    String more(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<RecoveryRequests.MoreAnswersRequest> asked = requests.moreAnswersRequest(token);
        if (asked.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "recovery/link-invalid";
        }
        return morePage(model, token, asked.get(), new QuestionnaireForm(), Map.of());
    }

    @PostMapping("/more/{token}")
    String addMore(@PathVariable String token, @ModelAttribute("form") QuestionnaireForm form, HttpServletRequest request,
                   HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<RecoveryRequests.MoreAnswersRequest> asked = requests.moreAnswersRequest(token);
        if (asked.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "recovery/link-invalid";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Questionnaire.Answers answers = form.answers(errors, refusals.text("recovery.form.badDate"));
        requests.problems(answers).forEach((field, e) -> errors.putIfAbsent(field, refusals.explain(e)));
        if (errors.isEmpty()) {
            refuseInto(errors, () -> proofOfWork.verify(form.getPowToken(), form.getPowSolution()));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return morePage(model, token, asked.get(), form, errors);
        }
        try {
            String number = requests.addAnswers(token, answers, request.getRemoteAddr());
            redirect.addFlashAttribute("number", number);
            redirect.addFlashAttribute("added", true);
            return "redirect:/access-recovery/sent";
        } catch (DomainException e) {
            response.setStatus(e.kind() == DomainException.Kind.TOO_MANY_REQUESTS ? 429
                    : e.kind() == DomainException.Kind.NOT_FOUND ? 404 : 422);
            errors.put(e.field() == null ? "form" : e.field(), refusals.explain(e));
            model.addAttribute("refusal", refusals.explain(e));
            return morePage(model, token, asked.get(), form, errors);
        }
    }

    private String page(Model model, QuestionnaireForm form, Map<String, String> errors) {
        form.forgetPasswords();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("challenge", proofOfWork.issue());
        model.addAttribute("settings", settings);
        model.addAttribute("uploads", uploadLimits);
        return "recovery/questionnaire";
    }

    private String morePage(Model model, String token, RecoveryRequests.MoreAnswersRequest asked, QuestionnaireForm form,
                            Map<String, String> errors) {
        form.forgetPasswords();
        model.addAttribute("token", token);
        model.addAttribute("asked", asked);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("challenge", proofOfWork.issue());
        model.addAttribute("settings", settings);
        return "recovery/more";
    }

    private void refuseInto(Map<String, String> errors, Runnable check) {
        try {
            check.run();
        } catch (DomainException e) {
            errors.putIfAbsent(e.field() == null ? "form" : e.field(), refusals.explain(e));
        }
    }

    private static List<MultipartFile> files(List<MultipartFile> screenshots) {
        return screenshots == null ? List.of() : screenshots.stream().filter(f -> f != null && !f.isEmpty()).toList();
    }

    private static List<IncomingMail.NewAttachment> attachments(List<MultipartFile> files) {
        List<IncomingMail.NewAttachment> out = new ArrayList<>();
        for (MultipartFile f : files) {
            try {
                String name = f.getOriginalFilename() == null || f.getOriginalFilename().isBlank() ? "screenshot" : f.getOriginalFilename();
                out.add(new IncomingMail.NewAttachment(name.length() > 200 ? name.substring(0, 200) : name,
                        UploadLimits.detectedType(f), null, false, f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
