package io.linia.analytics.api;

import io.linia.analytics.rollup.RollupRebuild;
import io.linia.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilding the rollups from the tickets' histories, and how far it is (administrators). */
@RestController
@RequestMapping("/api/v1/analytics/rollups/rebuild")
@Tag(name = "Analytics", description = "Inflow, backlog, first-line wait, share passed to the second line, solved, top categories")
class RollupApi {

    record RebuildStatus(String state, long done, long total, int percent, Instant startedAt, Instant finishedAt, String error) {

        static RebuildStatus of(RollupRebuild.Status s) {
            return new RebuildStatus(s.state().name(), s.done(), s.total(), s.percent(), s.startedAt(), s.finishedAt(), s.error());
        }
    }

    private final RollupRebuild rebuild;

    RollupApi(RollupRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start rebuilding the rollups from the tickets' histories (administrators)",
            description = "Runs in the background; the figures grow back from nothing while it runs. Poll GET for progress.")
    @ApiResponse(responseCode = "409", description = "A rebuild is already running")
    RebuildStatus start() {
        if (!rebuild.start()) {
            throw DomainException.conflict("analytics.rebuild.running");
        }
        return RebuildStatus.of(rebuild.status());
    }

    @GetMapping
    @Operation(summary = "The rebuild's state: IDLE, RUNNING, DONE or FAILED, with done/total tickets")
    RebuildStatus status() {
        return RebuildStatus.of(rebuild.status());
    }
}
