package io.linia.recovery.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.recovery.scoring.ThirdPartyRequestPolicy.ThirdPartyMention;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ThirdPartyRequestPolicyTest {

    private final ThirdPartyRequestPolicy policy = new ThirdPartyRequestPolicy();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Нужен доступ к почте мужа, он ничего не говорит                         | possession      | почте мужа
            Хочу прочитать переписку моей жены                                      | possession      | переписку моей жены
            Подскажите пароль от почты моего парня                                  | possession      | пароль от почты моего парня
            Заблокирован ящик жены, помогите                                        | possession      | ящик жены
            Восстановите аккаунт дочери                                             | possession      | аккаунт дочери
            Почта Ребёнка заблокирована                                             | possession      | Почта Ребёнка
            Как зайти в почту мамы                                                  | possession      | почту мамы
            Нужна почта покойного отца, там документы                                | possession      | почта покойного отца
            Восстановите почту для мамы                                             | possession      | почту для мамы
            Прошу помочь для мамы                                                   | on-behalf       | для мамы
            Пишу за сына, ему 12                                                    | on-behalf       | за сына
            Обращаюсь от имени жены                                                 | on-behalf       | от имени жены
            У дочки взломали почту                                                  | on-behalf       | У дочки
            У моей девушки не получается войти в ящик                               | on-behalf       | У моей девушки
            Жена забыла пароль от ящика                                             | relative-cannot | Жена забыла
            Мой муж не может войти уже неделю                                       | relative-cannot | Мой муж не может
            Папа умер, как получить доступ                                          | relative-cannot | Папа умер
            Бабушка совсем не помнит пароль                                         | relative-cannot | Бабушка совсем не помнит
            Мужу срочно нужен доступ                                                | relative-needs  | Мужу срочно нужен
            Маме надо восстановить почту                                            | relative-needs  | Маме надо
            Моя девушка забыла пароль                                               | relative-cannot | Моя девушка забыла
            Сын не помнит, какой был пароль                                         | relative-cannot | Сын не помнит
            Дети не могут войти в общий ящик                                        | relative-cannot | Дети не могут
            Моему сыну нужна его старая почта                                       | relative-needs  | Моему сыну нужна
            Хочу посмотреть почту своего бывшего                                    | possession      | почту своего бывшего
            Ящик моей бывшей жены заблокирован                                      | possession      | Ящик моей бывшей жены
            Учётная запись свекрови не открывается                                  | possession      | Учётная запись свекрови
            Как получить доступ к чужой почте?                                      | foreign         | чужой почте
            Это не мой ящик, но мне очень нужно                                     | foreign         | не мой ящик
            Он не отвечает, а мне нужна его почта                                   | pronoun         | его почта
            Сестра уехала, хочу проверить её ящик                                   | pronoun         | её ящик
            I need access to my wife's email                                        | possession      | wife's email
            I need my husband’s mailbox unlocked                                    | possession      | husband’s mailbox
            I am writing for my daughter                                            | on-behalf       | for my daughter
            My father passed away and we need his photos                            | relative-cannot | My father passed away
            How do I get into someone else's account                                | foreign         | someone else's account
            Помогите восстановить почту друга                                       | possession      | почту друга
            Не могу зайти в ящик коллеги                                            | possession      | ящик коллеги
            Восстановите ящик внука                                                 | possession      | ящик внука
            Ящик соседки взломали, помогите                                         | possession      | Ящик соседки
            Нужна почта моего начальника, он в отпуске                              | possession      | почта моего начальника
            Как восстановить аккаунт знакомой?                                      | possession      | аккаунт знакомой
            Нужен доступ к почте покойного дедушки                                  | possession      | почте покойного дедушки
            Пароль от старой почты моей племянницы утерян                           | possession      | Пароль от старой почты моей племянницы
            Заблокирован ящик нашего сотрудника                                     | possession      | ящик нашего сотрудника
            Восстановите почту клиента, он не может дозвониться                     | possession      | почту клиента
            Учетная запись тёщи не открывается                                      | possession      | Учетная запись тёщи
            Хочу прочитать переписку свёкра                                         | possession      | переписку свёкра
            Почта двоюродного брата заблокирована                                   | possession      | Почта двоюродного брата
            Пишу по просьбе сына                                                    | asked-by        | по просьбе сына
            Обращаюсь по просьбе моей соседки, ей 80 лет                            | asked-by        | по просьбе моей соседки
            Пишу по её просьбе, сама она не может                                   | asked-by        | по её просьбе
            Девушка попросила восстановить ей почту                                 | asked-by        | Девушка попросила восстановить ей
            Мой начальник попросил меня вернуть ему доступ                          | asked-by        | Мой начальник попросил меня вернуть ему
            Этот ящик принадлежит моему мужу                                        | belongs         | принадлежит моему мужу
            Аккаунт принадлежал покойному отцу                                      | belongs         | принадлежал покойному отцу
            Ящик принадлежит не мне, а тёте                                         | belongs         | принадлежит не мне
            Мой друг забыл пароль                                                   | relative-cannot | Мой друг забыл
            Коллега не может войти в почту                                          | relative-cannot | Коллега не может
            Соседка потеряла телефон и не помнит пароль                             | relative-cannot | Соседка потеряла
            Внук не помнит пароль от ящика                                          | relative-cannot | Внук не помнит
            Коллеге срочно нужен доступ                                             | relative-needs  | Коллеге срочно нужен
            Начальнику надо восстановить ящик                                       | relative-needs  | Начальнику надо
            Прошу для друга                                                         | on-behalf       | для друга
            Пишу за коллегу, он в отпуске                                           | on-behalf       | за коллегу
            У соседа взломали почту                                                 | on-behalf       | У соседа
            I need to get into my friend's mailbox                                  | possession      | friend's mailbox
            Please unlock my colleague's account                                    | possession      | colleague's account
            My neighbour forgot the password                                        | relative-cannot | My neighbour forgot
            I am writing on behalf of my boss                                       | on-behalf       | on behalf of my boss
            Recover my grandson's email please                                      | possession      | grandson's email
            My mother-in-law's mailbox is blocked                                   | possession      | mother-in-law's mailbox
            This mailbox belongs to my husband                                      | belongs         | belongs to my husband
            I am writing at the request of my niece                                 | asked-by        | at the request of my niece
            """)
    void requestsAboutSomeoneElsesMailboxAreDetectedWithThePhrase(String text, String rule, String phrase) {
        Optional<ThirdPartyMention> mention = policy.detect(text);
        assertThat(mention).as(text).isPresent();
        assertThat(mention.get().rule()).isEqualTo(rule);
        assertThat(mention.get().phrase()).isEqualTo(phrase);
        assertThat(mention.get().code()).isEqualTo("recovery.scoring.policy." + rule);
        assertThat(text.substring(mention.get().start())).startsWith(phrase);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "У меня новый телефон, не могу войти в почту",
            "Мой муж сказал, что мне нужно восстановить мой ящик",
            "Я девушка, 25 лет, забыла пароль от своей почты",
            "Не помню пароль, ящик мой, регистрировала в 2012 году",
            "Папка «Работа» пропала, восстановите доступ к моему ящику",
            "Забыла ответ на секретный вопрос. Почта нужна для работы",
            "Муж подарил новый ноутбук, и теперь я не могу зайти в почту",
            "Мама, папа и я живём вместе; у меня свой ящик",
            "Ящик заблокировали, помогите восстановить ее, пожалуйста",
            "Мой парень взломал мою почту и сменил пароль",
            "Я мама двоих детей, забыла пароль от почты",
            "Я мама двоих детей забыла пароль от почты",
            "У мамы на компьютере заходила в свою почту, теперь не пускает",
            "Жена говорит, что я сам виноват: забыл пароль от своего ящика",
            "Мужской и женский ящики у нас разные, мой заблокирован",
            "My husband told me to recover my mailbox",
            "I forgot my password after moving to a new phone",
            "Друг посоветовал написать вам, мой ящик взломали",
            "Друг посоветовал написать вам: мой ящик взломали",
            "Коллега сказал, что у меня взломан ящик",
            "Коллега говорит я забыла пароль, но ящик мой",
            "Пишу с телефона жены, потому что в свой ящик войти не могу",
            "Пишу с почты жены: в свой ящик войти не могу",
            "Мы с мужем пароли друг от друга не скрываем, ящик мой",
            "Мы с мужем пароли друг у друга не спрашиваем, это мой ящик",
            "В почте много писем от коллег и начальника, это мой рабочий ящик",
            "Пароль от ящика сменила по совету подруги",
            "Муж попросил меня написать вам: мой ящик заблокировали",
            "Я сотрудница банка, не могу войти в свой ящик",
            "Начальник требует отчёт, а я не могу зайти в почту",
            "Сосед по подъезду посоветовал восстановить мою почту",
            "У коллеги на ноутбуке заходила в свою почту, теперь не пускает",
            "Ящик принадлежит мне, регистрировала сама",
            "Я клиент вашей почты десять лет, не помню пароль",
            "I am writing from my wife's phone because I cannot log in to my mailbox",
            "My colleague told me to write to you about my mailbox",
            "My boss needs my reports but I forgot my password",
    })
    void theOwnersOwnRequestsDoNotTrigger(String text) {
        assertThat(policy.mentions(text)).as(text).isEmpty();
    }

    @Test
    void everyMentionIsReportedInTheOrderWritten() {
        var mentions = policy.mentions("Жена забыла пароль. Нужна почта жены, это для жены");
        assertThat(mentions).extracting(ThirdPartyMention::rule).containsExactly("relative-cannot", "possession", "on-behalf");
        assertThat(policy.detect(null)).isEmpty();
        assertThat(policy.detect("   ")).isEmpty();
    }
}
