package io.linia.recovery.scoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linia.recovery.scoring.*}: weights and thresholds of the ownership evidence score.
 *
 * <p>Each kind of evidence earns up to its weight; the score is the sum, capped at 100. The weights add up to
 * 115, so an owner need not remember everything, but nobody reaches "restore" on weak evidence alone: the
 * weak kinds (city, devices, dates) together give 35, under the default restore threshold of 70.
 *
 * <p>Why these defaults:
 * <ul>
 * <li>a previous password (40) is the strongest evidence: only the owner (or someone who already had access)
 *     knows it, and it is checked against the salted hashes, not guessed at;</li>
 * <li>folder names (15) and frequent contacts (15) are medium: the owner made them and an outsider rarely
 *     knows them, but a close relative may;</li>
 * <li>filters (10) are medium-weak: fewer people have them, and they are remembered vaguely;</li>
 * <li>the registration date (15) is medium within a month (people remember the year and the season) and fades
 *     to nothing at a year off; the last login date (10) fades from a week to two months off;</li>
 * <li>the registration city (5) and devices (5) are weak: they are easy to guess or to know about someone.</li>
 * </ul>
 * Lists earn in proportion to the names matched out of those given, counting at least
 * {@code namesForFullWeight} (or all the directory knows, if it knows fewer), so one right folder among one given earns
 * a third and wrong guesses dilute. Matching is one to one between the answers and the things the directory knows, and
 * a contact or a filter is one thing under all its names (a contact's address and display name, a filter's name and
 * description): naming one contact twice, as «Мама» and by her address, is one contact remembered, not two, and a
 * mailbox with two filters needs two, not the number of their names.
 *
 * @param passwordWeight             points for at least one previous password matching (40)
 * @param registrationDateWeight     points for the registration date within tolerance (15)
 * @param registrationCityWeight     points for the registration city (5)
 * @param foldersWeight              points for all folder names matching (15)
 * @param contactsWeight             points for all contacts matching (15)
 * @param filtersWeight              points for all filters matching (10)
 * @param devicesWeight              points for all devices and mail clients matching (5)
 * @param lastLoginWeight            points for the last login date within tolerance (10)
 * @param registrationToleranceDays  registration date off by at most this earns in full (31)
 * @param registrationZeroDays       and off by this much or more earns nothing, linear in between (365)
 * @param lastLoginToleranceDays     last login date off by at most this earns in full (7)
 * @param lastLoginZeroDays          and off by this much or more earns nothing (60)
 * @param nameSimilarity             Jaro-Winkler similarity of normalised names at which they match (0.88:
 *                                   «Работа» matches «работы», «Дача» does not match «Даша»)
 * @param namesForFullWeight         a list earns in full only with at least this many matches, or as many as the
 *                                   directory knows folders, contacts or filters if fewer (3)
 * @param maxPasswordCandidates      at most this many candidates are checked, each costs a slow hash (5)
 * @param restoreThreshold           score from which to recommend restoring (70)
 * @param askForMoreThreshold        score from which to ask for more rather than refuse (35)
 */
@ConfigurationProperties("linia.recovery.scoring")
public record RecoveryScoringProperties(
        @DefaultValue("40") int passwordWeight,
        @DefaultValue("15") int registrationDateWeight,
        @DefaultValue("5") int registrationCityWeight,
        @DefaultValue("15") int foldersWeight,
        @DefaultValue("15") int contactsWeight,
        @DefaultValue("10") int filtersWeight,
        @DefaultValue("5") int devicesWeight,
        @DefaultValue("10") int lastLoginWeight,
        @DefaultValue("31") int registrationToleranceDays,
        @DefaultValue("365") int registrationZeroDays,
        @DefaultValue("7") int lastLoginToleranceDays,
        @DefaultValue("60") int lastLoginZeroDays,
        @DefaultValue("0.88") double nameSimilarity,
        @DefaultValue("3") int namesForFullWeight,
        @DefaultValue("5") int maxPasswordCandidates,
        @DefaultValue("70") int restoreThreshold,
        @DefaultValue("35") int askForMoreThreshold) {

    public RecoveryScoringProperties {
        for (int w : new int[] {passwordWeight, registrationDateWeight, registrationCityWeight, foldersWeight, contactsWeight,
                filtersWeight, devicesWeight, lastLoginWeight}) {
            if (w < 0 || w > 100) {
                throw new IllegalArgumentException("linia.recovery.scoring weights must be 0..100, got " + w);
            }
        }
        if (registrationToleranceDays < 0 || registrationZeroDays <= registrationToleranceDays) {
            throw new IllegalArgumentException("linia.recovery.scoring: registration-zero-days must exceed registration-tolerance-days >= 0");
        }
        if (lastLoginToleranceDays < 0 || lastLoginZeroDays <= lastLoginToleranceDays) {
            throw new IllegalArgumentException("linia.recovery.scoring: last-login-zero-days must exceed last-login-tolerance-days >= 0");
        }
        if (!(nameSimilarity > 0 && nameSimilarity <= 1)) {
            throw new IllegalArgumentException("linia.recovery.scoring.name-similarity must be in (0, 1], got " + nameSimilarity);
        }
        if (namesForFullWeight < 1 || maxPasswordCandidates < 1) {
            throw new IllegalArgumentException("linia.recovery.scoring: names-for-full-weight and max-password-candidates must be >= 1");
        }
        if (askForMoreThreshold < 1 || restoreThreshold < askForMoreThreshold || restoreThreshold > 100) {
            throw new IllegalArgumentException(
                    "linia.recovery.scoring: need 1 <= ask-for-more-threshold <= restore-threshold <= 100, got "
                            + askForMoreThreshold + " and " + restoreThreshold);
        }
    }

    /** The documented defaults, the same as an empty configuration binds to. */
    public static RecoveryScoringProperties defaults() {
        return new RecoveryScoringProperties(40, 15, 5, 15, 15, 10, 5, 10, 31, 365, 7, 60, 0.88, 3, 5, 70, 35);
    }

    /** The recommendation of a score under these thresholds. */
    public Recommendation recommend(int score) {
        if (score >= restoreThreshold) {
            return Recommendation.RESTORE;
        }
        return score >= askForMoreThreshold ? Recommendation.ASK_FOR_MORE : Recommendation.REFUSE;
    }
}
