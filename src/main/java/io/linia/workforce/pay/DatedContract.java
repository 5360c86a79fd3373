package io.linia.workforce.pay;

import io.linia.workforce.Contract;
import java.time.LocalDate;
import java.util.Objects;

/** A contract in force from {@code validFrom} until the agent's next contract. */
public record DatedContract(LocalDate validFrom, Contract contract) {

    public DatedContract {
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(contract, "contract");
    }
}
