package io.linia.workforce.staff;

import io.linia.workforce.Contract;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** A contract with the day it takes effect and who set it. */
public record ContractTerm(LocalDate validFrom, Contract contract, Instant changedAt, String changedByName,
                           @Schema(description = "In force today") boolean current) {
}
