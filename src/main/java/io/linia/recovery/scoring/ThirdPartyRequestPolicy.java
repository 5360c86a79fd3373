package io.linia.recovery.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects, from the person's own words, a request about a mailbox that is not theirs (a spouse's, partner's,
 * child's, parent's, "someone else's"), in Russian and English. Support restores access only to the owner, so
 * such a request is refused with the policy template whatever else the evidence says.
 *
 * <p>The rule: a relative alone does not trigger, a relative tied to the mailbox does. Triggers are
 * <ul>
 * <li>{@code possession}: the mailbox (почта, ящик, аккаунт, пароль, переписка) of a relative in the genitive:
 *     «почта мужа», «пароль от почты моей жены», "my wife's email", "the account of my son";</li>
 * <li>{@code on-behalf}: «для мамы», «за сына», «вместо мужа», «от имени жены», "for my husband"; and «у мужа …»
 *     when the same clause speaks of the mailbox or access («у сына взломали почту») but not of «мой/свой» mailbox;</li>
 * <li>{@code relative-cannot}: a relative as the one who lost access: «жена забыла пароль», «мама не может
 *     войти», «папа умер», "my wife forgot", "my father passed away";</li>
 * <li>{@code relative-needs}: «мужу нужен доступ», «маме надо восстановить»;</li>
 * <li>{@code foreign}: «доступ к чужой почте», «это не мой ящик», "someone else's mailbox", "not my account";</li>
 * <li>{@code pronoun}: «его почта», «её ящик», "her mailbox" — the mailbox belongs to a third person.</li>
 * </ul>
 * Not triggered: a relative who only said or advised something about the person's own mailbox («мой муж
 * сказал, что мне нужно восстановить мой ящик»: the mailbox is «мой», the husband is a bystander), a partner who
 * took over the writer's own mailbox («мой парень взломал мою почту»: the owner asks, which is what support is
 * for), a person describing themselves («я девушка, 25 лет», «я мама двоих детей»), and texts with no relative
 * at all («у меня новый телефон»). Such
 * arguable cases stay with the agent's own policy tick. The text is lower-cased and ё read as е, so every
 * spelling and inflected form of the listed words counts.
 */
public final class ThirdPartyRequestPolicy {

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;

    private static final String POSSESSIVE = "(?:(?:моего|моей|моих|моему|моим|мой|моя|мою|нашего|нашей|нашему|нашу|наш|наша"
            + "|своего|своей|своему|свою|бывшего|бывшей|бывшему|бывшую|бывший|бывшая|покойного|покойной|умершего|умершей)\\s+){0,2}";
    private static final String RELATIVE_GENITIVE = "(?:жены|мужа|супруга|супруги|парня|девушки|подруги|ребенка|детей|сына|сынка"
            + "|дочери|дочки|мамы|мамочки|матери|папы|отца|брата|сестры|бабушки|дедушки|свекрови|тещи|бывшего|бывшей)";
    private static final String RELATIVE_ACCUSATIVE = "(?:жену|мужа|супруга|супругу|парня|девушку|подругу|ребенка|детей|сына"
            + "|дочь|дочку|маму|мать|папу|отца|брата|сестру|бабушку|дедушку)";
    private static final String RELATIVE_NOMINATIVE = "(?:жена|муж|супруг|супруга|парень|девушка|подруга|ребенок|дети|сын"
            + "|дочь|дочка|мама|мать|папа|отец|брат|сестра|бабушка|дедушка)";
    private static final String RELATIVE_DATIVE = "(?:жене|мужу|супругу|супруге|парню|девушке|подруге|ребенку|детям|сыну|дочери"
            + "|дочке|маме|матери|папе|отцу|брату|сестре|бабушке|дедушке)";
    private static final String MAILBOX = "(?:почт\\w*|ящик\\w*|аккаунт\\w*|акк|учетн\\w*\\s+запис\\w*|переписк\\w*|парол\\w*"
            + "|e-?mail\\w*|имейл\\w*|емейл\\w*|мейл\\w*|электронк\\w*)";
    private static final String ACCESS = "(?:войти|зайти|вход\\w*|доступ\\w*|взлом\\w*|заблокир\\w*|восстанов\\w*|забыл\\w*)";
    private static final String CANNOT = "(?:забыл\\w*|не\\s+(?:может|могут|помнит|помнят|знает|знают|смог\\w*|получается"
            + "|удается|заходит)|потерял\\w*|умер\\w*|скончал\\w*|погиб\\w*)";

    private static final String EN_RELATIVE = "(?:wife|husband|spouse|boyfriend|girlfriend|partner|son|daughter|child|kid|mom|mum"
            + "|mother|dad|father|brother|sister|grandmother|grandfather|grandma|grandpa)";
    private static final String EN_MAILBOX = "(?:e-?mail|mail|mailbox|inbox|account|password)";

    private record Rule(String name, Pattern pattern) { }

    private static final List<Rule> SENTENCE_RULES = List.of(
            rule("possession", "\\b" + MAILBOX + "(?:\\s+\\S+){0,3}?\\s+" + POSSESSIVE + RELATIVE_GENITIVE + "\\b"),
            rule("possession", "\\b" + EN_RELATIVE + "'?s\\s+(?:\\S+\\s+)?" + EN_MAILBOX + "\\b"),
            rule("possession", "\\b" + EN_MAILBOX + "\\s+of\\s+my\\s+(?:late\\s+)?" + EN_RELATIVE + "\\b"),
            rule("on-behalf", "\\b(?:для|вместо|от\\s+имени|от\\s+лица)\\s+" + POSSESSIVE + RELATIVE_GENITIVE + "\\b"),
            rule("on-behalf", "\\bза\\s+" + POSSESSIVE + RELATIVE_ACCUSATIVE + "\\b"),
            rule("on-behalf", "\\b(?:for|on\\s+behalf\\s+of)\\s+my\\s+(?:late\\s+)?" + EN_RELATIVE + "\\b"),
            // "я мама двоих детей, забыла пароль" describes the writer; words between carry no punctuation
            rule("relative-cannot", "(?<!\\bя\\s)\\b" + POSSESSIVE + RELATIVE_NOMINATIVE + "\\s+(?:[\\p{L}\\p{N}-]+\\s+){0,2}?"
                    + CANNOT + "\\b"),
            rule("relative-cannot", "\\bmy\\s+(?:late\\s+)?" + EN_RELATIVE + "\\s+(?:forgot|can't|cannot|can\\s+not|lost|doesn't"
                    + "|does\\s+not|died|has\\s+died|passed\\s+away)\\b"),
            rule("relative-needs", "\\b" + POSSESSIVE + RELATIVE_DATIVE + "\\s+(?:\\S+\\s+)?(?:нуж(?:ен|на|но|ны)|надо|необходим\\w*)"),
            rule("foreign", "\\bчуж(?:ой|ая|ую|ого|ому|ие|их|ое|ым|ими)\\s+(?:\\S+\\s+)?" + MAILBOX),
            rule("foreign", "\\bне\\s+(?:мой|моя|мою|мое|моего|моей|моему)\\s+(?:\\S+\\s+)?" + MAILBOX),
            rule("foreign", "\\b(?:someone|somebody|another\\s+person)(?:\\s+else)?'s\\s+" + EN_MAILBOX + "\\b"),
            rule("foreign", "\\bnot\\s+my\\s+(?:own\\s+)?" + EN_MAILBOX + "\\b"),
            rule("pronoun", "\\b(?:его|ее|их)\\s+(?:электронн\\w+\\s+)?(?:почт\\w*|ящик\\w*|аккаунт\\w*|переписк\\w*|e-?mail\\w*)"),
            rule("pronoun", "\\b(?:his|her|their)\\s+(?:e-?mail|mail|mailbox|inbox|account)\\b"));

    private static final Pattern AT_RELATIVE = Pattern.compile("\\bу\\s+" + POSSESSIVE + RELATIVE_GENITIVE + "\\b", FLAGS);
    private static final Pattern MAILBOX_OR_ACCESS = Pattern.compile("\\b(?:" + MAILBOX + "|" + ACCESS + ")", FLAGS);
    private static final Pattern OWN_MAILBOX = Pattern.compile("\\b(?:мо|сво)(?:й|я|ю|е|его|ей|ему)\\s+" + MAILBOX, FLAGS);
    private static final Pattern SENTENCE = Pattern.compile("[^.!?;\\n\\r]+");
    private static final Pattern CLAUSE = Pattern.compile("[^.!?;,:\\n\\r()«»\"]+");

    private static Rule rule(String name, String regex) {
        return new Rule(name, Pattern.compile(regex, FLAGS));
    }

    /**
     * A mention of someone else's mailbox found in a text.
     *
     * @param rule   which rule found it (message code {@code recovery.scoring.policy.<rule>})
     * @param phrase the words that triggered it, as the person wrote them
     * @param start  where they start in the text
     */
    public record ThirdPartyMention(String rule, String phrase, int start) {

        public String code() {
            return "recovery.scoring.policy." + rule;
        }
    }

    /** Every mention in the text, in the order written. */
    public List<ThirdPartyMention> mentions(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = fold(text);
        String shown = folded.length() == text.length() ? text : folded; // offsets line up unless folding changed the length
        List<ThirdPartyMention> found = new ArrayList<>();
        Matcher sentence = SENTENCE.matcher(folded);
        while (sentence.find()) {
            for (Rule rule : SENTENCE_RULES) {
                Matcher m = rule.pattern().matcher(folded).region(sentence.start(), sentence.end());
                while (m.find()) {
                    found.add(new ThirdPartyMention(rule.name(), shown.substring(m.start(), m.end()).strip(), m.start()));
                }
            }
        }
        Matcher clause = CLAUSE.matcher(folded);
        while (clause.find()) {
            Matcher at = AT_RELATIVE.matcher(folded).region(clause.start(), clause.end());
            // «у сына взломали почту» is the son's; «у мамы на компьютере зашла в свою почту» is the writer's own
            if (at.find() && MAILBOX_OR_ACCESS.matcher(folded).region(clause.start(), clause.end()).find()
                    && !OWN_MAILBOX.matcher(folded).region(clause.start(), clause.end()).find()) {
                found.add(new ThirdPartyMention("on-behalf", shown.substring(at.start(), at.end()), at.start()));
            }
        }
        found.sort(Comparator.comparingInt(ThirdPartyMention::start));
        return List.copyOf(found);
    }

    /** The first mention, if the text is about someone else's mailbox. */
    public Optional<ThirdPartyMention> detect(String text) {
        return mentions(text).stream().findFirst();
    }

    private static String fold(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replace('ё', 'е').replace('’', '\'').replace('`', '\'');
    }
}
