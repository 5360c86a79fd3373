package io.linia.recovery.audit.web;

import io.linia.recovery.audit.AuditAction;
import io.linia.recovery.audit.AuditPage;
import io.linia.recovery.audit.AuditQuery;
import io.linia.recovery.audit.RecoveryAuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recovery audit log over REST, for administrators (all of /api/v1/admin is theirs): the same filters as the
 * page, pages newest first by keyset ({@code nextCursor} → {@code cursor}). A bad filter answers 400 with a
 * problem detail naming the parameter.
 */
@RestController
@RequestMapping("/api/v1/admin/recovery/audit")
@Tag(name = "Access recovery audit")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
class AuditAdminApi {

    private final RecoveryAuditLog audit;

    AuditAdminApi(RecoveryAuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Audit entries matching every given filter, newest first; pass nextCursor as cursor for the next page")
    AuditPage find(@RequestParam(required = false) @Parameter(description = "the mailbox (normalised before comparing)") String mailbox,
                   @RequestParam(required = false) @Parameter(description = "the acting user's id (0: the system)") Long actorId,
                   @RequestParam(required = false) AuditAction action,
                   @RequestParam(required = false) @Parameter(description = "inclusive, ISO 8601 instant, e.g. 2026-11-26T06:30:00Z") Instant from,
                   @RequestParam(required = false) @Parameter(description = "exclusive, ISO 8601 instant") Instant to,
                   @RequestParam(required = false) Long requestId,
                   @RequestParam(required = false) @Parameter(description = "nextCursor of the previous page") String cursor,
                   @RequestParam(defaultValue = "" + AuditQuery.DEFAULT_LIMIT) @Parameter(description = "1 to 500") int limit) {
        return audit.find(new AuditQuery(mailbox, actorId, action, from, to, requestId, cursor, limit));
    }
}
