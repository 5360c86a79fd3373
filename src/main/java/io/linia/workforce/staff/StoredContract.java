package io.linia.workforce.staff;

import io.linia.workforce.Contract;
import io.linia.workforce.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/** An agent's contract from a date on, until the agent's next one. */
@Entity
@Table(name = "workforce_contract")
class StoredContract {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workforce_contract_seq")
    @SequenceGenerator(name = "workforce_contract_seq", sequenceName = "workforce_contract_seq", allocationSize = 50)
    private Long id;
    private long userId;
    private LocalDate validFrom;
    private BigDecimal monthlySalary;
    private BigDecimal extraShiftRate;
    private String currency;
    private int minShiftsPerMonth;
    private int maxShiftsPerWeek;
    private long changedBy;
    private Instant changedAt;
    @Version
    private long version;

    protected StoredContract() {
    }

    StoredContract(long userId, LocalDate validFrom) {
        this.userId = userId;
        this.validFrom = validFrom;
    }

    void set(Contract contract, long by, Instant now) {
        this.monthlySalary = contract.monthlySalary().amount();
        this.extraShiftRate = contract.extraShiftRate().amount();
        this.currency = contract.monthlySalary().currency().getCurrencyCode();
        this.minShiftsPerMonth = contract.minShiftsPerMonth();
        this.maxShiftsPerWeek = contract.maxShiftsPerWeek();
        this.changedBy = by;
        this.changedAt = now;
    }

    Contract toContract() {
        Currency c = Currency.getInstance(currency);
        return new Contract(new Money(monthlySalary, c), minShiftsPerMonth, new Money(extraShiftRate, c), maxShiftsPerWeek);
    }

    long userId() {
        return userId;
    }

    LocalDate validFrom() {
        return validFrom;
    }

    long changedBy() {
        return changedBy;
    }

    Instant changedAt() {
        return changedAt;
    }
}
