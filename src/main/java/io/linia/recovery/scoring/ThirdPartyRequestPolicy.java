package io.linia.recovery.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects, from the person's own words, a request about a mailbox that is not theirs, in Russian and English.
 * Support restores access only to the owner, so such a request is refused with the policy template whatever else the
 * evidence says. "Someone else" is anyone but the writer: a spouse, partner, child, parent or other relative
 * (grandchildren, nephews and nieces, in-laws, step-family), and equally a friend, colleague, boss, neighbour,
 * acquaintance, client or employee; each is listed in the Russian case its construction needs.
 *
 * <p>The rule: a person alone does not trigger, a person tied to the mailbox does. Triggers are
 * <ul>
 * <li>{@code possession}: the mailbox (почта, ящик, аккаунт, учётная запись, пароль, переписка) of a person in the
 *     genitive: «почта мужа», «пароль от почты моей жены», «почту друга», «ящик коллеги», «ящик внука», «Ящик соседки
 *     взломали», «почта моего начальника», «аккаунт знакомой», «доступ к почте покойного дедушки», "my wife's email",
 *     "my friend's mailbox", "my colleague's account", "my grandson's email", "the account of my son". Between the
 *     mailbox and the person stand only words that still speak of the mailbox (an adjective like «старой», or «от/к/в
 *     … почты»), so «в почте много писем от коллег» (the writer's own mail) does not trigger;</li>
 * <li>{@code on-behalf}: «для мамы», «за сына», «за коллегу», «вместо мужа», «от имени жены», "for my husband",
 *     "on behalf of my boss"; and «у мужа …» when the same clause speaks of the mailbox or access («у соседа взломали
 *     почту») but not of «мой/свой» mailbox;</li>
 * <li>{@code asked-by}: someone asked for it: «по просьбе сына», «по просьбе моей соседки», «по её просьбе»,
 *     «Девушка попросила восстановить ей почту», «начальник попросил меня вернуть ему доступ» (the request names
 *     «ей/ему/им», the one who asked), "at the request of my niece", "at my boss's request", "my friend asked me to
 *     recover it for her";</li>
 * <li>{@code belongs}: «этот ящик принадлежит моему мужу», «аккаунт принадлежал покойному отцу», «принадлежит не мне»,
 *     "belongs to my husband", "owned by my father";</li>
 * <li>{@code relative-cannot}: the person as the one who lost access: «жена забыла пароль», «мой друг забыл пароль»,
 *     «коллега не может войти», «папа умер», "my wife forgot", "my neighbour forgot", "my father passed away";</li>
 * <li>{@code relative-needs}: «мужу нужен доступ», «коллеге срочно нужен доступ», «маме надо восстановить»;</li>
 * <li>{@code foreign}: «доступ к чужой почте», «это не мой ящик», "someone else's mailbox", "not my account";</li>
 * <li>{@code pronoun}: «его почта», «её ящик», "her mailbox" — the mailbox belongs to a third person.</li>
 * </ul>
 * Not triggered, decided case by case:
 * <ul>
 * <li>a person who only said, advised or asked the writer to write about the writer's own mailbox: «мой муж сказал,
 *     что мне нужно восстановить мой ящик», «друг посоветовал написать вам, мой ящик взломали», «коллега сказал, что у
 *     меня взломан ящик», «муж попросил меня написать вам: мой ящик заблокировали» («попросил» triggers only with
 *     «ей/ему/им»), «пароль от ящика сменила по совету подруги»; and a person followed by the writer's own «я/мне/что»
 *     («коллега говорит я забыла пароль»);</li>
 * <li>a writer who uses someone's phone or mailbox to write: «пишу с телефона жены, потому что в свой ящик войти не
 *     могу», «пишу с почты жены: в свой ящик войти не могу» (the contact address is theirs; the mailbox asked about
 *     is the writer's);</li>
 * <li>a partner who took over the writer's own mailbox («мой парень взломал мою почту»: the owner asks, which is what
 *     support is for), a person describing themselves («я девушка, 25 лет», «я мама двоих детей», «я сотрудница банка»,
 *     «я клиент вашей почты»), «друг друга» ("each other": «пароли друг от друга не скрываем»), «ящик принадлежит
 *     мне», and texts with no person at all («у меня новый телефон»).</li>
 * </ul>
 * Such arguable cases stay with the agent's own policy tick, and a later request for a mailbox whose earlier request
 * was refused by this policy is shown to the agent with a warning and always needs a second agent to restore (see
 * {@code RecoveryRequests}). The text is lower-cased and ё read as е, so every spelling and inflected form of the
 * listed words counts.
 */
public final class ThirdPartyRequestPolicy {

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;

    private static final String POSSESSIVE = "(?:(?:моего|моей|моих|моему|моим|мой|моя|мою|нашего|нашей|нашему|нашу|наш|наша"
            + "|своего|своей|своему|свою|бывшего|бывшей|бывшему|бывшую|бывший|бывшая|покойного|покойной|покойному|умершего"
            + "|умершей|умершему|лучшего|лучшей|лучшему|старого|старой|старому|близкого|близкой|близкому|двоюродного"
            + "|двоюродной|двоюродному)\\s+){0,2}";
    // relatives, partners and everyone else who is not the writer: friends, colleagues, bosses, neighbours, acquaintances,
    // grandchildren, nephews and nieces, in-laws, clients, employees; each in the case its construction needs
    private static final String RELATIVE_GENITIVE = "(?:жены|мужа|супруга|супруги|парня|девушки|подруги|подружки|ребенка|детей"
            + "|сына|сынка|дочери|дочки|мамы|мамочки|матери|папы|отца|брата|сестры|бабушки|дедушки|бабули|дедули|свекрови|свекра"
            + "|тещи|тестя|зятя|невестки|снохи|деверя|шурина|золовки|свояка|свояченицы|отчима|мачехи|пасынка|падчерицы|дяди|тети"
            + "|тетки|кузена|кузины|жениха|невесты|внука|внучки|внуков|племянника|племянницы|родителей|родственника|родственницы"
            + "|родственников|друга|друзей|приятеля|приятельницы|товарища|коллеги|коллег|начальника|начальницы|шефа|босса"
            + "|руководителя|директора|соседа|соседки|соседей|знакомого|знакомой|знакомых|клиента|клиентки|клиентов|сотрудника"
            + "|сотрудницы|сотрудников|работника|работницы|подчиненного|подчиненной|одноклассника|одноклассницы|однокурсника"
            + "|однокурсницы|бывшего|бывшей)";
    private static final String RELATIVE_ACCUSATIVE = "(?:жену|мужа|супруга|супругу|парня|девушку|подругу|ребенка|детей|сына"
            + "|дочь|дочку|маму|мать|папу|отца|брата|сестру|бабушку|дедушку|свекровь|тещу|зятя|невестку|внука|внучку"
            + "|племянника|племянницу|дядю|тетю|друга|коллегу|начальника|начальницу|шефа|соседа|соседку|знакомого|знакомую"
            + "|клиента|клиентку|сотрудника|сотрудницу)";
    private static final String RELATIVE_NOMINATIVE = "(?:жена|муж|супруг|супруга|парень|девушка|подруга|ребенок|дети|сын"
            + "|дочь|дочка|мама|мать|папа|отец|брат|сестра|бабушка|дедушка|свекровь|свекор|теща|тесть|зять|невестка|сноха"
            + "|отчим|мачеха|дядя|тетя|жених|невеста|внук|внучка|племянник|племянница|родители|родственник|родственница"
            + "|друг|друзья|приятель|приятельница|товарищ|коллега|коллеги|начальник|начальница|шеф|босс|руководитель|директор"
            + "|сосед|соседка|соседи|знакомый|знакомая|клиент|клиентка|сотрудник|сотрудница|подчиненный|подчиненная)";
    private static final String RELATIVE_DATIVE = "(?:жене|мужу|супругу|супруге|парню|девушке|подруге|ребенку|детям|сыну|дочери"
            + "|дочке|маме|матери|папе|отцу|брату|сестре|бабушке|дедушке|свекрови|теще|тестю|зятю|невестке|дяде|тете|внуку"
            + "|внучке|племяннику|племяннице|родителям|родственнику|родственнице|другу|друзьям|приятелю|товарищу|коллеге"
            + "|коллегам|начальнику|начальнице|шефу|боссу|руководителю|директору|соседу|соседке|знакомому|знакомой|клиенту"
            + "|клиентке|сотруднику|сотруднице|подчиненному)";
    private static final String MAILBOX = "(?:почт\\w*|ящик\\w*|аккаунт\\w*|акк|учетн\\w*\\s+запис\\w*|переписк\\w*|парол\\w*"
            + "|e-?mail\\w*|имейл\\w*|емейл\\w*|мейл\\w*|электронк\\w*)";
    // between the mailbox and its owner only words that keep speaking of the mailbox («пароль от почты моего парня», «старую
    // почту мужа», «почту для мамы»), so that «в почте много писем от коллег» (the writer's own mail) is not read as theirs
    private static final String MAILBOX_ADJECTIVE = "(?:электронн|стар|рабоч|личн|основн|прежн)\\w*";
    private static final String MAILBOX_GAP = "(?:\\s+(?:" + MAILBOX_ADJECTIVE + "|(?:от|к|ко|в|во|на|из|для)\\s+(?:"
            + MAILBOX_ADJECTIVE + "\\s+)?" + MAILBOX + "))*?(?:\\s+для)?";
    // «пишу с почты жены»: the writer uses someone's mailbox to write, it is not what they ask for
    private static final String NOT_WRITING_FROM = "(?<!(?:пишу|пишем|написал|написала|обращаюсь|отправляю)\\s(?:вам\\s)?со?\\s)";
    // «друг для друга», «друг за друга», «друг у друга» mean "each other", not a friend
    private static final String EACH_OTHER = "(?<!\\bдруг\\s)";
    private static final String ACCESS = "(?:войти|зайти|вход\\w*|доступ\\w*|взлом\\w*|заблокир\\w*|восстанов\\w*|забыл\\w*)";
    private static final String CANNOT = "(?:забыл\\w*|не\\s+(?:может|могут|помнит|помнят|знает|знают|смог\\w*|получается"
            + "|удается|заходит)|потерял\\w*|умер\\w*|скончал\\w*|погиб\\w*)";
    // words between a person and what they cannot do; «коллега говорит я забыла пароль» is about the writer
    private static final String BETWEEN = "(?:(?!(?:я|мы|мне|меня|нам|нас|что|чтобы)\\s)[\\p{L}\\p{N}-]+\\s+){0,2}?";

    private static final String EN_RELATIVE = "(?:(?:wife|husband|spouse|boyfriend|girlfriend|partner|fianc\\w*|son|daughter|child"
            + "|kid|mom|mum|mother|dad|father|brother|sister|grandmother|grandfather|grandma|grandpa|grandson|granddaughter"
            + "|grandchild|nephew|niece|uncle|aunt|cousin|stepson|stepdaughter|stepfather|stepmother|relative|friend|colleague"
            + "|co-?worker|boss|manager|employer|employee|neighbou?r|acquaintance|roommate|flatmate|client|customer)(?:-in-law)?)";
    private static final String EN_MAILBOX = "(?:e-?mail|mail|mailbox|inbox|account|password)";

    private record Rule(String name, Pattern pattern) { }

    private static final List<Rule> SENTENCE_RULES = List.of(
            rule("possession", NOT_WRITING_FROM + "\\b" + MAILBOX + MAILBOX_GAP + "\\s+" + POSSESSIVE + RELATIVE_GENITIVE + "\\b"),
            rule("possession", "\\b" + EN_RELATIVE + "'?s\\s+(?:\\S+\\s+)?" + EN_MAILBOX + "\\b"),
            rule("possession", "\\b" + EN_MAILBOX + "\\s+of\\s+my\\s+(?:late\\s+)?" + EN_RELATIVE + "\\b"),
            rule("on-behalf", EACH_OTHER + "\\b(?:для|вместо|от\\s+имени|от\\s+лица)\\s+" + POSSESSIVE + RELATIVE_GENITIVE + "\\b"),
            rule("on-behalf", EACH_OTHER + "\\bза\\s+" + POSSESSIVE + RELATIVE_ACCUSATIVE + "\\b"),
            rule("on-behalf", "\\b(?:for|on\\s+behalf\\s+of)\\s+my\\s+(?:late\\s+)?" + EN_RELATIVE + "\\b"),
            rule("asked-by", "\\bпо\\s+(?:личной\\s+)?просьбе\\s+" + POSSESSIVE + RELATIVE_GENITIVE + "\\b"),
            rule("asked-by", "\\bпо\\s+(?:его|ее|их)\\s+просьбе\\b"),
            rule("asked-by", "(?<!\\bя\\s)\\b" + POSSESSIVE + RELATIVE_NOMINATIVE + "\\s+(?:меня\\s+|нас\\s+)?(?:попросил\\w*|просил\\w*"
                    + "|просит|просят)(?:\\s+[\\p{L}-]+){0,5}?\\s+(?:ей|ему|им)\\b"),
            rule("asked-by", "\\bat\\s+(?:the\\s+)?request\\s+of\\s+my\\s+" + EN_RELATIVE + "\\b"),
            rule("asked-by", "\\bat\\s+my\\s+" + EN_RELATIVE + "'?s\\s+request\\b"),
            rule("asked-by", "\\bmy\\s+" + EN_RELATIVE + "\\s+asked\\s+(?:me|us)\\s+to\\s+(?:\\S+\\s+){0,5}?for\\s+(?:him|her|them)\\b"),
            rule("belongs", "\\bпринадлеж\\w*\\s+(?:\\p{L}+\\s+)?" + POSSESSIVE + RELATIVE_DATIVE + "\\b"),
            rule("belongs", "\\bпринадлеж\\w*\\s+не\\s+мне\\b"),
            rule("belongs", "\\b(?:belongs|belonged)\\s+to\\s+my\\s+(?:late\\s+)?" + EN_RELATIVE + "\\b"),
            rule("belongs", "\\bowned\\s+by\\s+my\\s+(?:late\\s+)?" + EN_RELATIVE + "\\b"),
            // "я мама двоих детей, забыла пароль" describes the writer; words between carry no punctuation
            rule("relative-cannot", "(?<!\\bя\\s)\\b" + POSSESSIVE + RELATIVE_NOMINATIVE + "\\s+" + BETWEEN + CANNOT + "\\b"),
            rule("relative-cannot", "\\bmy\\s+(?:late\\s+)?" + EN_RELATIVE + "\\s+(?:forgot|can't|cannot|can\\s+not|lost|doesn't"
                    + "|does\\s+not|died|has\\s+died|passed\\s+away)\\b"),
            rule("relative-needs", "\\b" + POSSESSIVE + RELATIVE_DATIVE + "\\s+(?:\\S+\\s+)?(?:нуж(?:ен|на|но|ны)|надо|необходим\\w*)"),
            rule("foreign", "\\bчуж(?:ой|ая|ую|ого|ому|ие|их|ое|ым|ими)\\s+(?:\\S+\\s+)?" + MAILBOX),
            rule("foreign", "\\bне\\s+(?:мой|моя|мою|мое|моего|моей|моему)\\s+(?:\\S+\\s+)?" + MAILBOX),
            rule("foreign", "\\b(?:someone|somebody|another\\s+person)(?:\\s+else)?'s\\s+" + EN_MAILBOX + "\\b"),
            rule("foreign", "\\bnot\\s+my\\s+(?:own\\s+)?" + EN_MAILBOX + "\\b"),
            rule("pronoun", "\\b(?:его|ее|их)\\s+(?:электронн\\w+\\s+)?(?:почт\\w*|ящик\\w*|аккаунт\\w*|переписк\\w*|e-?mail\\w*)"),
            rule("pronoun", "\\b(?:his|her|their)\\s+(?:e-?mail|mail|mailbox|inbox|account)\\b"));

    private static final Pattern AT_RELATIVE = Pattern.compile(EACH_OTHER + "\\bу\\s+" + POSSESSIVE + RELATIVE_GENITIVE + "\\b", FLAGS);
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
