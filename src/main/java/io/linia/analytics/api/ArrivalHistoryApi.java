package io.linia.analytics.api;

import io.linia.accounts.Actor;
import io.linia.analytics.history.ArrivalImport;
import io.linia.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Arrival history for analytics' baselines: import a CSV of counts, list and delete the imports (administrators change). */
@RestController
@RequestMapping("/api/v1/analytics/history")
@Tag(name = "Analytics", description = "Inflow, backlog, first-line wait, share passed to the second line, solved, top categories")
class ArrivalHistoryApi {

    private final ArrivalImport history;

    ArrivalHistoryApi(ArrivalImport history) {
        this.history = history;
    }

    @GetMapping
    @Operation(summary = "Imported arrival history batches, the latest first (staff)")
    List<ArrivalImport.Batch> batches() {
        return history.batches();
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a CSV of arrival counts as the request body (administrators)",
            description = "Header timestamp,count[,channel][,category] (comma, semicolon or tab); rows 5 minutes to a day apart; "
                    + "timestamps without an offset are wall-clock times of `zone`; channel: WEB, EMAIL or API; category: a category code. "
                    + "Rows longer than an hour are spread evenly over their hours. A bad line refuses the whole file (400 at field "
                    + "`file` with `line`), nothing is stored.")
    ArrivalImport.Batch importCsv(Actor actor, @RequestBody(required = false) byte[] csv, @RequestParam(required = false) String zone,
                                  @RequestParam(required = false) String label, @RequestParam(required = false) String fileName) {
        return history.importCsv(actor, label, fileName, zone, ArrivalImport.text(csv == null ? new byte[0] : csv));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a CSV of arrival counts uploaded as the part `file` (as the text/csv import)")
    ArrivalImport.Batch importFile(Actor actor, @RequestPart(name = "file", required = false) MultipartFile file,
                                   @RequestParam(required = false) String zone, @RequestParam(required = false) String label)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("file", "analytics.history.fileRequired");
        }
        return history.importCsv(actor, label, file.getOriginalFilename(), zone, ArrivalImport.text(file.getBytes()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an imported batch with its counts (administrators)")
    void delete(Actor actor, @PathVariable long id) {
        history.delete(actor, id);
    }
}
