package io.linia.workforce.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.shared.DomainException;
import io.linia.workforce.Contract;
import io.linia.workforce.DayKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a template or a contract must hold before it is saved, refused by field with the reason. */
class StaffCommandsTest {

    static final Currency RUB = Currency.getInstance("RUB");

    static ShiftTemplateCommand template(String code, String start, String end) {
        return new ShiftTemplateCommand(code, "Смена", "Shift", DayKind.WEEKDAY, start == null ? null : LocalTime.parse(start),
                end == null ? null : LocalTime.parse(end), null, null);
    }

    @Test
    void aTemplateEndsAfterItStartsOrAtMidnight() {
        assertThat(template("evening", "15:00", "21:00").problems()).isEmpty();
        assertThat(template("late", "18:00", "00:00").problems()).isEmpty();
        assertThat(template("whole-day", "00:00", "00:00").problems()).isEmpty();
        assertThat(template("back", "15:00", "09:00").problems()).containsOnlyKeys("end")
                .extractingByKey("end").extracting(DomainException::messageKey).isEqualTo("wfstaff.template.endBeforeStart");
        assertThat(template("zero", "09:00", "09:00").problems()).containsOnlyKeys("end");
        assertThat(template("seconds", "09:00:30", "15:00").problems()).containsOnlyKeys("start");
    }

    @Test
    void aTemplateNamesEveryMissingOrMalformedField() {
        Map<String, DomainException> problems = new ShiftTemplateCommand(" Bad Code! ", " ", null, null, null, null, null, null).problems();

        assertThat(problems).containsOnlyKeys("code", "nameRu", "nameEn", "dayKind", "start", "end");
        assertThat(problems.get("code").messageKey()).isEqualTo("wfstaff.template.codeFormat");
        assertThat(problems.get("nameRu").field()).isEqualTo("nameRu");
        assertThat(template("Weekday-Morning", "09:00", "15:00").normalisedCode()).isEqualTo("weekday-morning");
        assertThat(template("x".repeat(41), "09:00", "15:00").problems()).containsOnlyKeys("code");
    }

    @Test
    void aContractIsAmountsInOneCurrencyToTheKopeckAndShiftsTheWeekCanHold() {
        ContractCommand ok = new ContractCommand(LocalDate.of(2026, 12, 1), new BigDecimal("42000.5"), new BigDecimal("3200"), " rub ", 12, 5);
        assertThat(ok.problems(RUB)).isEmpty();
        Contract contract = ok.toContract(RUB);
        assertThat(contract.monthlySalary().amount()).isEqualByComparingTo("42000.50");
        assertThat(contract.monthlySalary().amount().scale()).isEqualTo(2);
        assertThat(contract.extraShiftRate().currency()).isEqualTo(RUB);

        ContractCommand blankCurrency = new ContractCommand(LocalDate.of(2026, 12, 1), new BigDecimal("100"), new BigDecimal("10"), "", 0, 1);
        assertThat(blankCurrency.toContract(Currency.getInstance("EUR")).monthlySalary().currency().getCurrencyCode()).isEqualTo("EUR");

        Map<String, DomainException> bad = new ContractCommand(null, new BigDecimal("-1"), new BigDecimal("10.005"), "XYZW", 70, 0)
                .problems(RUB);
        assertThat(bad).containsOnlyKeys("validFrom", "currency", "monthlySalary", "minShiftsPerMonth", "maxShiftsPerWeek");
        Map<String, DomainException> kopecks = new ContractCommand(LocalDate.of(2026, 12, 1), new BigDecimal("1"), new BigDecimal("10.005"),
                "RUB", 1, 1).problems(RUB);
        assertThat(kopecks).containsOnlyKeys("extraShiftRate");
        assertThat(kopecks.get("extraShiftRate").messageKey()).isEqualTo("wfstaff.contract.minorUnits");
    }

    @Test
    void theSalaryCannotCoverMoreShiftsThanTheWeeklyLimitAllowsInAMonth() {
        // 3 a week: at most ceil(3 × 31 / 7) = 14 in a month of 31 days
        assertThat(new ContractCommand(LocalDate.of(2026, 12, 1), BigDecimal.TEN, BigDecimal.ONE, "RUB", 14, 3).problems(RUB)).isEmpty();
        Map<String, DomainException> problems = new ContractCommand(LocalDate.of(2026, 12, 1), BigDecimal.TEN, BigDecimal.ONE, "RUB", 15, 3)
                .problems(RUB);
        assertThat(problems).containsOnlyKeys("minShiftsPerMonth");
        assertThat(problems.get("minShiftsPerMonth").messageKey()).isEqualTo("wfstaff.contract.unreachable");
        assertThat(problems.get("minShiftsPerMonth").args()).containsExactly(14, 3);
    }
}
