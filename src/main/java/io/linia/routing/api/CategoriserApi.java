package io.linia.routing.api;

import io.linia.routing.Categorisation;
import io.linia.routing.CategoriserStatus;
import io.linia.routing.TicketCategoriser;
import io.linia.shared.CleanText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The categoriser over REST: its status, a retraining, and a suggestion for any text (staff only). */
@RestController
@RequestMapping("/api/v1/routing")
@Tag(name = "Categorisation")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
class CategoriserApi {

    private final TicketCategoriser categoriser;

    CategoriserApi(TicketCategoriser categoriser) {
        this.categoriser = categoriser;
    }

    /** A text to categorise, as a ticket would have it. */
    record CategoriseRequest(@Size(max = 255) @CleanText(maxBytes = 1020) String subject,
                             @NotBlank @CleanText(maxBytes = 65536) String body) {
    }

    @GetMapping("/categoriser")
    @Operation(summary = "The categoriser's model and training: when trained, on what, how accurate, corrections since")
    CategoriserStatus status() {
        return categoriser.status();
    }

    @PostMapping("/categoriser/retrain")
    @Operation(summary = "Retrain in the background (team leads, administrators); answers 202 at once")
    ResponseEntity<CategoriserStatus> retrain() {
        categoriser.retrainNow();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(categoriser.status());
    }

    @PostMapping("/categorise")
    @Operation(summary = "Suggest a category and group for a text, with the model's confidence")
    Categorisation categorise(@Valid @RequestBody CategoriseRequest request) {
        return categoriser.categorise(request.subject(), request.body());
    }
}
