package io.linia.demo;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.ArticleCommand;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.Audience;
import io.linia.knowledge.KnowledgeBase;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo knowledge base: on an empty base (after {@link DemoData}, with the same switch), the
 * articles the reference desk's support answers with, written by the demo team lead through the
 * knowledge base's own API — calling from the messenger, a blocked mailbox, phone-service
 * troubleshooting, the personal account, password and registration, topping up the balance — and
 * the first line's rule that nobody gets access to someone else's mailbox.
 */
@Component
@Order(1)
class DemoKnowledge implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoKnowledge.class);

    private final KnowledgeBase kb;
    private final UserDirectory users;
    private final RoutingDirectory routing;
    private final boolean enabled;

    DemoKnowledge(KnowledgeBase kb, UserDirectory users, RoutingDirectory routing,
                  @Value("${linia.demo.enabled:true}") boolean enabled) {
        this.kb = kb;
        this.users = users;
        this.routing = routing;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Optional<Actor> author = users.userByLogin("lead").map(UserRef::toActor).filter(KnowledgeBase::canEdit);
        if (author.isEmpty() || !kb.list(author.get(), null, null, null, null, 1).articles().isEmpty()) {
            return;
        }
        List<ArticleCommand> articles = articles();
        kb.createAll(author.get(), articles);
        log.info("Demo knowledge base created: {} articles", articles.size());
    }

    private Long category(String code) {
        return routing.categoryByCode(code).map(CategoryRef::id).orElse(null);
    }

    private static ArticleCommand article(String title, Long categoryId, Audience audience, String language, String tags,
                                          String body) {
        return new ArticleCommand(title, body.strip(), categoryId, audience, language, tags, ArticleStatus.PUBLISHED,
                "Демонстрационная статья", null);
    }

    List<ArticleCommand> articles() {
        Long other = category("other");
        Long blocked = category("account-blocked");
        Long hacked = category("account-hacked");
        Long password = category("password-forgotten");
        List<ArticleCommand> list = new ArrayList<>();

        list.add(article("Как позвонить из Mail.Ru Агента", other, Audience.PUBLIC, "ru", "агент, звонки, телефон", """
                Из Mail.Ru Агента можно звонить двумя способами.

                - **С компьютера на компьютер — бесплатно.** Любому пользователю Агента можно позвонить голосом или по видеосвязи.
                - **На городские и мобильные телефоны — платно.** Такие звонки тарифицируются; Агент время от времени \
                проводит акции с бесплатными звонками на телефоны.

                ## Как открыть панель «Телефон»

                Звонки делаются с панели «Телефон». Открыть её можно так:

                1. В окне диалога нажмите кнопку **«Звонить»** и выберите номер из списка. Если у контакта ещё нет номера, \
                выберите **«Позвонить на телефон»** и введите его сами.
                2. Или нажмите **«Звонить»** в окне списка контактов и выберите собеседника в выпадающем списке.

                ## Как позвонить

                1. Выберите контакт из списка или наберите номер вручную.
                2. Нажмите **«Позвонить»**.

                > Номер вводите полностью: с кодом страны и города (или оператора). Например, московский номер 111-22-33 \
                набирается как **+74951112233**.

                Во время разговора ползунками на панели можно менять чувствительность микрофона и громкость. \
                Длительность разговора видна в строке состояния. Чтобы закончить разговор, нажмите **«Отмена»**.
                """));

        list.add(article("Calling from Mail.Ru Agent", other, Audience.PUBLIC, "en", "agent, calls, phone", """
                Mail.Ru Agent makes two kinds of calls:

                - **Computer to computer — free.** Call any Agent user by voice or video.
                - **Landlines and mobiles — charged.** Agent runs promotions with free calls to phones from time to time.

                ## Opening the Phone panel

                1. In a chat window click **Call** and pick a number. If the contact has no number yet, choose \
                **Call a phone** and type it in.
                2. Or click **Call** in the contact list window and choose the person from the list.

                ## Making the call

                Choose a contact or dial the number, then click **Call**. Always dial the full number with the country \
                and area code: the Moscow number 111-22-33 is **+74951112233**.

                Sliders on the panel set the microphone sensitivity and the volume; the call time shows in the status \
                line; **Cancel** ends the call.
                """));

        list.add(article("Ящик заблокирован: что написать в поддержку", blocked, Audience.PUBLIC, "ru",
                "блокировка, ящик, восстановление доступа", """
                Ящики блокируют за нарушение правил пользования, из-за вирусов на компьютере или после взлома, \
                когда с ящика рассылают спам.

                **Звонить по найденным в интернете «номерам поддержки» бесполезно**: по телефону ящик не восстанавливают.

                ## Что сделать

                1. Если восстановить доступ самостоятельно не получается, напишите в поддержку через форму обращения. \
                В теме кратко назовите проблему, например «Ящик заблокирован».
                2. Укажите как можно больше сведений о ящике — чем больше, тем быстрее мы убедимся, что вы его владелец:
                   - примерную дату регистрации;
                   - пароли, которые вы помните, в том числе старые;
                   - названия своих папок и настроенные фильтры;
                   - адреса, с которыми вы переписывались;
                   - снимки экрана с сообщением о блокировке, если они есть.
                3. Дождитесь ответа: обычно он приходит в течение **5 рабочих дней**.

                ## Чтобы блокировка не повторилась

                - Проверьте компьютер на вирусы, например бесплатной утилитой Dr.Web CureIt! (свой антивирус при этом \
                отключать не нужно).
                - После проверки смените пароль и привяжите к ящику номер телефона.
                - Проверьте файл `hosts` (`C:\\Windows\\System32\\drivers\\etc\\hosts`): в нём должна остаться только строка \
                `127.0.0.1 localhost`.
                - Обновите браузер или попробуйте войти из другого.
                """));

        list.add(article("Mailbox blocked: what to tell support", blocked, Audience.PUBLIC, "en",
                "blocked, mailbox, access recovery", """
                Mailboxes are blocked for breaking the terms of use, because of a virus on the computer, or after a \
                break-in when the mailbox starts sending spam.

                **Calling "support numbers" found on the internet does not help**: mailboxes are not restored by phone.

                ## What to do

                1. Write to support through the request form, with the problem in the subject ("Mailbox blocked").
                2. Tell us as much about the mailbox as you can, so that we can be sure it is yours: roughly when you \
                registered it, passwords you remember (old ones too), your folders and filters, people you wrote to, \
                screenshots of the blocking message.
                3. The answer usually comes within **5 working days**.

                Then scan the computer for viruses, change the password and link a phone number to the mailbox.
                """));

        list.add(article("Регламент: доступ к чужому ящику не предоставляется", hacked, Audience.INTERNAL, "ru",
                "регламент, доступ, первая линия", """
                **Доступ к ящику получает только его владелец.** Никому другому — ни супругу, ни родственнику, ни \
                партнёру — доступ не предоставляется и сведения о ящике не сообщаются, какой бы убедительной или \
                жалостливой ни была история («ради сохранения семьи», «я знаю его дату рождения»).

                ## Как ответить

                1. Вежливо сообщите, что по правилам сервиса доступ к ящику получает только владелец, и исключений нет.
                2. Не подтверждайте и не опровергайте, что ящик существует, и не называйте никаких его данных.
                3. Закройте обращение с причиной «Другое» и внутренней заметкой «чужой ящик, регламент».

                Если обращается сам владелец, который потерял доступ, — это обычное восстановление: передайте заявку \
                в группу «Восстановление доступа».
                """));

        list.add(article("Не работает телефонная связь: что проверить", other, Audience.PUBLIC, "ru",
                "телефония, связь, баланс, оборудование", """
                Если перестали проходить звонки, проверьте по порядку:

                1. **Баланс лицевого счёта.** Если он отрицательный, услуги приостановлены: пополните счёт, и связь \
                возобновится.
                2. **Подключение к интернету**, если баланс положительный.
                3. **Оборудование.** Если оно исправно, перезагрузите его.
                4. **Данные для регистрации оборудования в сети.** Если перезагрузка не помогла, сверьте логин, пароль \
                и адрес сервера с данными из личного кабинета.
                5. **Набор номера.** Номера в России набираются через 7, международные — через 810, затем код страны, \
                код города и номер абонента.

                Если всё проверено, а связи нет, оформите обращение в поддержку и перечислите, что уже сделали.
                """));

        list.add(article("Phone service does not work: what to check", other, Audience.PUBLIC, "en",
                "telephony, balance, equipment", """
                If calls stopped going through, check in this order:

                1. **The account balance.** A negative balance suspends the service: top up the account.
                2. **The internet connection**, if the balance is positive.
                3. **The equipment**: restart it.
                4. **The registration details** of the equipment in the network (login, password, server address), if a \
                restart did not help.
                5. **How you dial**: numbers in Russia start with 7; international ones with 810, then the country code, \
                the area code and the number.
                """));

        list.add(article("Не открывается личный кабинет", other, Audience.PUBLIC, "ru", "личный кабинет, браузер", """
                1. Очистите кеш браузера (Google Chrome, Firefox, Edge и другие) и откройте личный кабинет заново.
                2. Попробуйте открыть его в другом браузере.
                3. Если ошибка не проходит долгое время, оформите обращение в поддержку: укажите браузер, время ошибки \
                и приложите снимок экрана.
                """));

        list.add(article("Забыли пароль или логин от личного кабинета", password, Audience.PUBLIC, "ru",
                "пароль, логин, регистрация, восстановление", """
                Восстановить логин и пароль можно самостоятельно:

                1. Откройте сайт и перейдите на вкладку **«Личный кабинет»**.
                2. Нажмите **«Восстановить пароль»** и следуйте подсказкам.
                3. Проверьте почтовый ящик, который вы указывали при регистрации: письмо со ссылкой приходит в течение \
                нескольких минут. **Загляните и в папку «Спам».**

                Если письма нет и доступа к тому ящику тоже нет, напишите в поддержку — доступ восстановим после \
                проверки, что аккаунт ваш.
                """));

        list.add(article("Forgot the password or login of your account", password, Audience.PUBLIC, "en",
                "password, login, registration", """
                1. Open the site and go to **Personal account**.
                2. Click **Restore password** and follow the steps.
                3. Check the mailbox you gave when you registered — **including the Spam folder**.

                No e-mail and no access to that mailbox? Write to support: we restore access once we have checked \
                the account is yours.
                """));

        list.add(article("Как пополнить баланс", other, Audience.PUBLIC, "ru", "баланс, оплата, платежи", """
                Пополнить баланс можно:

                - наличными через платёжные терминалы и кассы;
                - через интернет-банк;
                - электронными кошельками;
                - с мобильного телефона.

                Все способы и их комиссии перечислены в личном кабинете, в разделе **«Пополнение баланса»**.

                Деньги обычно зачисляются сразу. **Если через час их нет на счёте**, обратитесь в поддержку платёжной \
                системы, через которую платили, или к нам — приложите чек или номер платежа.
                """));

        list.add(article("Памятка первой линии: клиент не может войти в почту", password, Audience.INTERNAL, "ru",
                "первая линия, восстановление доступа, пароль", """
                Чаще всего клиенты пишут, что не могут восстановить пароль сами: не помнят ответ на секретный вопрос, \
                нет привязанного телефона и дополнительного адреса.

                1. Предложите автоматическое восстановление, если у ящика есть телефон или запасной адрес.
                2. Если его нет — попросите заполнить анкету владельца: дата регистрации, старые пароли, папки, \
                фильтры, адреса переписки.
                3. Категория «Не помню пароль», передайте в группу «Восстановление доступа».

                Посоветуйте после восстановления привязать номер телефона: так в следующий раз доступ вернётся без поддержки.
                """));
        return list;
    }
}
