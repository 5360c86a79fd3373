package io.linia.recovery.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.linia.recovery.scoring.MailboxFacts.KnownItem;
import io.linia.recovery.scoring.MailboxFacts.Login;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class EvidenceScoringTest {

    private static final LocalDate REGISTERED = LocalDate.of(2012, 5, 14);
    private static final LocalDate LAST_LOGIN = LocalDate.of(2026, 10, 30);

    private final EvidenceScoring scoring = new EvidenceScoring(RecoveryScoringProperties.defaults());

    /** A salted hash check as a directory would do it; the engine only ever sees the yes/no. */
    private static PasswordCheck saltedHistory(List<String> checkedCandidates, String... passwords) {
        String salt = "s4lt";
        Set<String> hashes = Set.of(java.util.Arrays.stream(passwords).map(p -> sha256(salt + p)).toArray(String[]::new));
        return candidate -> {
            checkedCandidates.add(candidate);
            return hashes.contains(sha256(salt + candidate));
        };
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MailboxFacts facts(PasswordCheck check) {
        return new MailboxFacts(REGISTERED, "Екатеринбург", List.of("Входящие", "Работа", "Дача", "Налоги 2024", "Школа Маши"),
                List.of(KnownItem.of("olga.petrova@mail.example", "Ольга Петрова"), KnownItem.of(null, "Сергей Иванов"),
                        KnownItem.of("buh@zavod.example", "Бухгалтерия завода")),
                List.of(KnownItem.of("Рассылки в архив", "Письма со словом «рассылка» переносить в Архив"), KnownItem.of("Банк", "")),
                List.of(new Login(LocalDate.of(2026, 10, 1), "iPhone Mail"), new Login(LAST_LOGIN, "Thunderbird"),
                        new Login(LocalDate.of(2026, 9, 12), "iPhone Mail")),
                check);
    }

    private static OwnerAnswers answers(List<String> passwords, List<String> folders) {
        return new OwnerAnswers(null, null, passwords, folders, List.of(), List.of(), List.of(), null, "");
    }

    @Test
    void nothingAnsweredScoresZeroAndIsRefusedWithEveryItemUnanswered() {
        EvidenceScore result = scoring.score(OwnerAnswers.none(), facts(saltedHistory(new ArrayList<>(), "old")));
        assertThat(result.score()).isZero();
        assertThat(result.recommendation()).isEqualTo(Recommendation.REFUSE);
        assertThat(result.items()).hasSize(EvidenceKind.values().length)
                .allSatisfy(i -> assertThat(i.code()).endsWith(".unanswered"));
    }

    @Test
    void aPreviousPasswordIsCheckedThroughTheDirectoryAndEarnsItsFullWeight() {
        List<String> checked = new ArrayList<>();
        EvidenceScore result = scoring.score(answers(List.of("qwerty", "Kotik2015!", "qwerty"), List.of()),
                facts(saltedHistory(checked, "Kotik2015!", "Summer2019")));
        EvidenceItem item = result.item(EvidenceKind.PASSWORDS);
        assertThat(item.points()).isEqualTo(40);
        assertThat(item.code()).isEqualTo("recovery.scoring.password.matched");
        assertThat(item.arguments()).containsExactly(1, 2); // the repeated candidate is checked once
        assertThat(checked).containsExactly("qwerty", "Kotik2015!");
        assertThat(item.toString()).doesNotContain("Kotik2015").doesNotContain("qwerty");
        assertThat(result.score()).isEqualTo(40);
        assertThat(result.recommendation()).isEqualTo(Recommendation.ASK_FOR_MORE);
    }

    @Test
    void wrongPasswordsEarnNothingAndOnlyTheConfiguredNumberIsChecked() {
        List<String> checked = new ArrayList<>();
        List<String> many = List.of("a1", "a2", "a3", "a4", "a5", "Kotik2015!");
        EvidenceItem item = scoring.score(answers(many, List.of()), facts(saltedHistory(checked, "Kotik2015!")))
                .item(EvidenceKind.PASSWORDS);
        assertThat(checked).hasSize(5);
        assertThat(item.points()).isZero();
        assertThat(item.code()).isEqualTo("recovery.scoring.password.none");
        assertThat(item.arguments()).containsExactly(0, 5);
    }

    @Test
    void aDirectoryWithoutPasswordHistorySaysSoInsteadOfCountingAMiss() {
        EvidenceItem item = scoring.score(answers(List.of("Kotik2015!"), List.of()), facts(null)).item(EvidenceKind.PASSWORDS);
        assertThat(item.code()).isEqualTo("recovery.scoring.password.unknown");
        assertThat(item.points()).isZero();
    }

    @Test
    void folderNamesMatchExactlyAndFuzzilyEachAtMostOnceAndStandardFoldersProveNothing() {
        OwnerAnswers given = answers(List.of(), List.of("работы", "ДАЧА", "налоги-2024", "Входящие", "Работа", "Фотографии"));
        EvidenceItem item = scoring.score(given, facts(null)).item(EvidenceKind.FOLDERS);
        // «работы»~«Работа», «ДАЧА»=«Дача», «налоги-2024»=«Налоги 2024»; the second «Работа» finds no unused folder
        assertThat(item.arguments()).containsExactly(3, 5);
        assertThat(item.code()).isEqualTo("recovery.scoring.folders.matched");
        assertThat(item.points()).isCloseTo(15.0 * 3 / 5, within(1e-9));
    }

    @Test
    void oneRightFolderOfOneGivenEarnsAThirdBecauseFullWeightNeedsThree() {
        EvidenceItem item = scoring.score(answers(List.of(), List.of("Дача")), facts(null)).item(EvidenceKind.FOLDERS);
        assertThat(item.arguments()).containsExactly(1, 1);
        assertThat(item.points()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void contactsAddressesMatchOnlyExactlyWhileNamesMatchFuzzilyWithYoFolded() {
        OwnerAnswers given = new OwnerAnswers(null, null, List.of(), List.of(),
                List.of("Olga.Petrova@Mail.Example", "olga.petrov@mail.example", "сергей иванов", "buh@zavod.example"), List.of(),
                List.of(), null, "");
        EvidenceItem item = scoring.score(given, facts(null)).item(EvidenceKind.CONTACTS);
        assertThat(item.arguments()).containsExactly(3, 4);
        assertThat(item.points()).isCloseTo(15.0 * 3 / 4, within(1e-9));
    }

    private static OwnerAnswers contactsAndFilters(List<String> contacts, List<String> filters) {
        return new OwnerAnswers(null, null, List.of(), List.of(), contacts, filters, List.of(), null, "");
    }

    private static String explained(EvidenceItem item, Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/recovery-scoring");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages.getMessage(item.code(), item.argumentArray(), locale);
    }

    @Test
    void theNameAndTheAddressOfOneContactAreOneContactRemembered() {
        EvidenceItem item = scoring.score(contactsAndFilters(List.of("ольга петрова", "Olga.Petrova@mail.example"), List.of()),
                facts(null)).item(EvidenceKind.CONTACTS);
        assertThat(item.arguments()).containsExactly(1, 2);
        // one match of the two given; full weight needs 3 of the 3 contacts known (not of their 5 names)
        assertThat(item.points()).isCloseTo(15.0 * 1 / 3, within(1e-9));
        assertThat(explained(item, Locale.ENGLISH)).isEqualTo("1 of 2 contacts match");
        assertThat(explained(item, Locale.forLanguageTag("ru"))).isEqualTo("Совпали частые адресаты: 1 из 2");
    }

    @Test
    void theNameOfOneContactAndTheAddressOfAnotherAreTwoContactsRemembered() {
        EvidenceItem item = scoring.score(contactsAndFilters(List.of("Ольга Петрова", "buh@zavod.example"), List.of()),
                facts(null)).item(EvidenceKind.CONTACTS);
        assertThat(item.arguments()).containsExactly(2, 2);
        assertThat(item.points()).isCloseTo(15.0 * 2 / 3, within(1e-9));
        assertThat(explained(item, Locale.ENGLISH)).isEqualTo("2 of 2 contacts match");
    }

    @Test
    void everyContactByOneNameOrAnotherEarnsTheFullWeightAndAnAddressNearMissStillMisses() {
        EvidenceItem all = scoring.score(contactsAndFilters(List.of("Бухгалтерия завода", "olga.petrova@mail.example",
                "Сергей Иванов", "Ольга Петрова"), List.of()), facts(null)).item(EvidenceKind.CONTACTS);
        // four answers, three contacts: the fourth answer is Ольга's other name and finds no contact left
        assertThat(all.arguments()).containsExactly(3, 4);
        assertThat(all.points()).isCloseTo(15.0 * 3 / 4, within(1e-9));
        EvidenceItem nearMiss = scoring.score(contactsAndFilters(List.of("olga.petrov@mail.example"), List.of()), facts(null))
                .item(EvidenceKind.CONTACTS);
        assertThat(nearMiss.arguments()).containsExactly(0, 1);
        assertThat(nearMiss.code()).isEqualTo("recovery.scoring.contacts.none");
    }

    @Test
    void theNameAndTheDescriptionOfOneFilterAreOneFilterRemembered() {
        EvidenceItem item = scoring.score(contactsAndFilters(List.of(), List.of("рассылки в архив",
                "письма со словом рассылка переносить в архив")), facts(null)).item(EvidenceKind.FILTERS);
        assertThat(item.arguments()).containsExactly(1, 2);
        // the mailbox has 2 filters (3 names between them): one of the two needed
        assertThat(item.points()).isCloseTo(10.0 / 2, within(1e-9));
        assertThat(explained(item, Locale.ENGLISH)).isEqualTo("1 of 2 filters match");
        assertThat(explained(item, Locale.forLanguageTag("ru"))).isEqualTo("Совпали фильтры: 1 из 2");
    }

    @Test
    void bothFiltersOfAMailboxWithTwoEarnTheFullWeightWhateverTheirNamesCount() {
        EvidenceItem item = scoring.score(contactsAndFilters(List.of(), List.of("Письма со словом «рассылка» переносить в архив",
                "банк")), facts(null)).item(EvidenceKind.FILTERS);
        assertThat(item.arguments()).containsExactly(2, 2);
        assertThat(item.points()).isCloseTo(10.0, within(1e-9));
        assertThat(explained(item, Locale.ENGLISH)).isEqualTo("2 of 2 filters match");
    }

    @Test
    void registrationDateWithinToleranceEarnsInFullAndReportsTheDaysOff() {
        OwnerAnswers given = new OwnerAnswers(REGISTERED.plusDays(4), null, List.of(), List.of(), List.of(), List.of(), List.of(),
                null, "");
        EvidenceItem item = scoring.score(given, facts(null)).item(EvidenceKind.REGISTRATION_DATE);
        assertThat(item.points()).isEqualTo(15);
        assertThat(item.code()).isEqualTo("recovery.scoring.regdate.close");
        assertThat(item.arguments()).containsExactly(4L);
    }

    @Test
    void registrationDateFadesLinearlyBeyondToleranceAndEarnsNothingAYearOff() {
        EvidenceItem far = scoring.score(new OwnerAnswers(REGISTERED.minusDays(198), null, null, null, null, null, null, null, null),
                facts(null)).item(EvidenceKind.REGISTRATION_DATE);
        assertThat(far.code()).isEqualTo("recovery.scoring.regdate.far");
        assertThat(far.points()).isCloseTo(15.0 * (365 - 198) / (365 - 31), within(1e-9));
        EvidenceItem wrong = scoring.score(new OwnerAnswers(REGISTERED.plusDays(400), null, null, null, null, null, null, null, null),
                facts(null)).item(EvidenceKind.REGISTRATION_DATE);
        assertThat(wrong.code()).isEqualTo("recovery.scoring.regdate.wrong");
        assertThat(wrong.points()).isZero();
        assertThat(wrong.arguments()).containsExactly(400L);
        EvidenceItem exact = scoring.score(new OwnerAnswers(REGISTERED, null, null, null, null, null, null, null, null),
                facts(null)).item(EvidenceKind.REGISTRATION_DATE);
        assertThat(exact.code()).isEqualTo("recovery.scoring.regdate.exact");
        assertThat(exact.arguments()).isEmpty();
    }

    @Test
    void lastLoginIsComparedWithTheMostRecentLoginAndDevicesWithTheClientsSeen() {
        OwnerAnswers given = new OwnerAnswers(null, "екатеринбург", null, null, null, null, List.of("thunderbird", "iphone mail", "Outlook"),
                LAST_LOGIN.minusDays(10), null);
        EvidenceScore result = scoring.score(given, facts(null));
        EvidenceItem login = result.item(EvidenceKind.LAST_LOGIN);
        assertThat(login.arguments()).containsExactly(10L);
        assertThat(login.points()).isCloseTo(10.0 * (60 - 10) / (60 - 7), within(1e-9));
        assertThat(result.item(EvidenceKind.DEVICES).arguments()).containsExactly(2, 3);
        assertThat(result.item(EvidenceKind.REGISTRATION_CITY).points()).isEqualTo(5);
    }

    @Test
    void aFullOwnerReachesRestoreAndTheScoreIsCappedAt100() {
        OwnerAnswers owner = new OwnerAnswers(REGISTERED.plusDays(20), "Екатеринбург", List.of("Kotik2015!"),
                List.of("Работа", "Дача", "Школа Маши"), List.of("olga.petrova@mail.example", "Сергей Иванов", "buh@zavod.example"),
                List.of("Банк", "Рассылки в архив"), List.of("Thunderbird"), LAST_LOGIN, "");
        EvidenceScore result = scoring.score(owner, facts(saltedHistory(new ArrayList<>(), "Kotik2015!")));
        assertThat(result.score()).isEqualTo(100);
        assertThat(result.recommendation()).isEqualTo(Recommendation.RESTORE);
    }

    @Test
    void aRelativeWhoKnowsFoldersCityAndDevicesButNoPasswordIsNotRestored() {
        OwnerAnswers relative = new OwnerAnswers(REGISTERED.plusDays(200), "Екатеринбург", List.of("masha2010"),
                List.of("Работа", "Дача", "Школа Маши"), List.of("Сергей Иванов"), List.of(), List.of("iPhone Mail"),
                LAST_LOGIN.minusDays(3), "");
        EvidenceScore result = scoring.score(relative, facts(saltedHistory(new ArrayList<>(), "Kotik2015!")));
        // 15 folders + 5 contacts (1 of the 3 needed) + 5 city + 2.5 devices (1 of the 2 seen) + 10 last login
        // + 15 * (365 - 200) / (365 - 31) = 7.4 registration = 44.9; the password misses
        assertThat(result.score()).isEqualTo(45);
        assertThat(result.recommendation()).isEqualTo(Recommendation.ASK_FOR_MORE);
    }

    @Test
    void recommendationBoundariesAreInclusiveOfTheThresholds() {
        RecoveryScoringProperties p = RecoveryScoringProperties.defaults();
        assertThat(p.recommend(0)).isEqualTo(Recommendation.REFUSE);
        assertThat(p.recommend(34)).isEqualTo(Recommendation.REFUSE);
        assertThat(p.recommend(35)).isEqualTo(Recommendation.ASK_FOR_MORE);
        assertThat(p.recommend(69)).isEqualTo(Recommendation.ASK_FOR_MORE);
        assertThat(p.recommend(70)).isEqualTo(Recommendation.RESTORE);
        assertThat(p.recommend(100)).isEqualTo(Recommendation.RESTORE);
    }

    @Test
    void configuredWeightsAndThresholdsChangeTheScoreAndTheRecommendation() {
        RecoveryScoringProperties passwordIsEnough = new RecoveryScoringProperties(70, 15, 5, 15, 15, 10, 5, 10, 31, 365, 7, 60,
                0.88, 3, 5, 70, 35);
        EvidenceScore result = new EvidenceScoring(passwordIsEnough).score(answers(List.of("Kotik2015!"), List.of()),
                facts(saltedHistory(new ArrayList<>(), "Kotik2015!")));
        assertThat(result.score()).isEqualTo(70);
        assertThat(result.recommendation()).isEqualTo(Recommendation.RESTORE);

        RecoveryScoringProperties strict = new RecoveryScoringProperties(40, 15, 5, 15, 15, 10, 5, 10, 31, 365, 7, 60,
                0.88, 3, 5, 90, 50);
        EvidenceScore same = new EvidenceScoring(strict).score(answers(List.of("Kotik2015!"), List.of()),
                facts(saltedHistory(new ArrayList<>(), "Kotik2015!")));
        assertThat(same.score()).isEqualTo(40);
        assertThat(same.recommendation()).isEqualTo(Recommendation.REFUSE);
    }

    @Test
    void inconsistentSettingsAreRejected() {
        assertThatThrownBy(() -> new RecoveryScoringProperties(40, 15, 5, 15, 15, 10, 5, 10, 31, 365, 7, 60, 0.88, 3, 5, 30, 35))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new RecoveryScoringProperties(40, 15, 5, 15, 15, 10, 5, 10, 31, 20, 7, 60, 0.88, 3, 5, 70, 35))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registration-zero-days");
        assertThatThrownBy(() -> new RecoveryScoringProperties(-1, 15, 5, 15, 15, 10, 5, 10, 31, 365, 7, 60, 0.88, 3, 5, 70, 35))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecoveryScoringProperties(40, 15, 5, 15, 15, 10, 5, 10, 31, 365, 7, 60, 1.5, 3, 5, 70, 35))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name-similarity");
    }

    @Test
    void unknownFactsAreReportedAsUnknownNotAsMisses() {
        MailboxFacts empty = new MailboxFacts(null, null, List.of("Входящие"), null, null, null, null);
        OwnerAnswers given = new OwnerAnswers(REGISTERED, "Пермь", List.of("Kotik2015!"), List.of("Работа"), List.of("a@b.example"), List.of("Банк"),
                List.of("iPhone"), LAST_LOGIN, null);
        EvidenceScore result = scoring.score(given, empty);
        assertThat(result.score()).isZero();
        assertThat(result.items()).allSatisfy(i -> assertThat(i.code()).endsWith(".unknown"));
    }
}
