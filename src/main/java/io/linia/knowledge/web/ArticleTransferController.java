package io.linia.knowledge.web;

import io.linia.accounts.Actor;
import io.linia.knowledge.ArticleTransfer;
import io.linia.knowledge.KnowledgeBase;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Import of a whole knowledge base (editors) and its export as CSV or a zip of Markdown files (staff). */
@Controller
@RequestMapping("/agent/kb")
class ArticleTransferController {

    private final ArticleTransfer transfer;
    private final Refusals refusals;

    ArticleTransferController(ArticleTransfer transfer, Refusals refusals) {
        this.transfer = transfer;
        this.refusals = refusals;
    }

    /** What the import form holds: the format and the CSV column names. */
    record ImportForm(String format, String title, String body, String category, String subcategory, String audience,
                      String tags, String language, String status) {

        static ImportForm of(String format, ArticleTransfer.Columns c) {
            return new ImportForm(format, c.title(), c.body(), nz(c.category()), nz(c.subcategory()), nz(c.audience()),
                    nz(c.tags()), nz(c.language()), nz(c.status()));
        }

        ArticleTransfer.Columns columns() {
            return new ArticleTransfer.Columns(title, body, category, subcategory, audience, tags, language, status);
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    @GetMapping("/import")
    String importForm(Actor actor, @RequestParam(required = false) String preset, Model model) {
        requireEditor(actor);
        ArticleTransfer.Columns columns = "rutube".equals(preset) ? ArticleTransfer.Columns.rutube() : ArticleTransfer.Columns.defaults();
        return page(model, ImportForm.of("csv", columns), null, List.of());
    }

    @PostMapping("/import")
    String importFile(Actor actor, @ModelAttribute("form") ImportForm form,
                      @RequestParam(value = "file", required = false) MultipartFile file, Model model,
                      HttpServletResponse response) throws IOException {
        requireEditor(actor);
        String format = "zip".equals(form.format()) ? "zip" : "csv";
        ImportForm shown = new ImportForm(format, form.title(), form.body(), form.category(), form.subcategory(),
                form.audience(), form.tags(), form.language(), form.status());
        try {
            if (file == null || file.isEmpty()) {
                throw DomainException.invalid("file", "kbTransfer.error.noFile");
            }
            byte[] data;
            try (InputStream in = file.getInputStream()) {
                data = transfer.readUpload(in);
            }
            ArticleTransfer.Summary summary = transfer.importFile(actor, ArticleTransfer.Format.of(format), data, shown.columns());
            return page(model, shown, summary, List.of());
        } catch (DomainException e) {
            if (!"file".equals(e.field())) {
                throw e;
            }
            List<ArticleTransfer.Problem> problems = ArticleTransfer.problemsOf(e);
            response.setStatus(400);
            return page(model, shown, null, problems.isEmpty()
                    ? List.of(new ArticleTransfer.Problem(null, null, refusals.explain(e))) : problems);
        }
    }

    @GetMapping("/export.csv")
    void exportCsv(Actor actor, HttpServletResponse response) throws IOException {
        download(response, ArticleTransfer.Format.CSV);
        transfer.exportCsv(actor, response.getOutputStream());
    }

    @GetMapping("/export.zip")
    void exportZip(Actor actor, HttpServletResponse response) throws IOException {
        download(response, ArticleTransfer.Format.ZIP);
        transfer.exportZip(actor, response.getOutputStream());
    }

    private void download(HttpServletResponse response, ArticleTransfer.Format format) {
        response.setContentType(format.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(transfer.fileName(format)).build().toString());
    }

    private String page(Model model, ImportForm form, ArticleTransfer.Summary summary, List<ArticleTransfer.Problem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("summary", summary);
        model.addAttribute("problems", problems);
        model.addAttribute("maxMegabytes", transfer.maxFileBytes() / (1024 * 1024));
        return "knowledge/import";
    }

    private static void requireEditor(Actor actor) {
        if (!KnowledgeBase.canEdit(actor)) {
            throw DomainException.forbidden("linia.refusal.kbEditorsOnly");
        }
    }
}
