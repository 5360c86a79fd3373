package io.linia.workforce.pay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text the pay pages, refusals and the CSV name is there in Russian and English, and the two bundles hold the same keys. */
class PayMessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PayMessagesTest.class.getResourceAsStream("/i18n/workforce-pay" + suffix + ".properties")) {
            assertThat(in).as("bundle workforce-pay%s", suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHoldTheSameKeysAndEveryNamedValueHasItsText() throws IOException {
        Properties ru = bundle("");
        Properties en = bundle("_en");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ru.stringPropertyNames());
        List<String> named = new ArrayList<>();
        for (ShiftMark m : ShiftMark.values()) {
            named.add("wfpay.mark." + m);
        }
        for (PayCount c : PayCount.values()) {
            named.add("wfpay.count." + c);
        }
        for (PayStatus s : PayStatus.values()) {
            named.add("wfpay.status." + s);
        }
        for (AdjustmentKind k : AdjustmentKind.values()) {
            named.add("wfpay.adjust.kind." + k);
        }
        PayCsv.COLUMNS.forEach(c -> named.add("wfpay.csv." + c));
        assertThat(ru.stringPropertyNames()).containsAll(named);
    }

    @Test
    void refusalsFormatWithTheirArguments() throws IOException {
        Properties en = bundle("_en");
        Properties ru = bundle("");
        assertThat(new MessageFormat(en.getProperty("wfpay.error.currencies"), Locale.ENGLISH).format(new Object[]{"Anna", "2027-03", "EUR, RUB"}))
                .isEqualTo("Anna's contracts for 2027-03 are in different currencies (EUR, RUB): the month's pay cannot be added up. "
                        + "Set the month's contracts in one currency.");
        assertThat(new MessageFormat(ru.getProperty("wfpay.adjust.duplicate"), Locale.forLanguageTag("ru")).format(new Object[]{"Анна", "2027-03-02", "ABSENT"}))
                .isEqualTo("У сотрудника Анна на эту смену 2027-03-02 уже есть отметка (ABSENT); удалите её, чтобы отметить иначе.");
    }
}
