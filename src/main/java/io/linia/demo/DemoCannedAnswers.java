package io.linia.demo;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.CannedAction;
import io.linia.knowledge.CannedAnswerCommand;
import io.linia.knowledge.CannedAnswers;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The desk's everyday canned answers, written by the demo team lead once the demo users and groups
 * exist ({@code linia.demo.enabled}), and only while there are none: an administrator's own
 * canned answers are never touched.
 */
@Component
@Order(10)
class DemoCannedAnswers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCannedAnswers.class);

    private final CannedAnswers canned;
    private final UserDirectory users;
    private final RoutingDirectory routing;
    private final boolean enabled;

    DemoCannedAnswers(CannedAnswers canned, UserDirectory users, RoutingDirectory routing,
                      @Value("${linia.demo.enabled:true}") boolean enabled) {
        this.canned = canned;
        this.users = users;
        this.routing = routing;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Actor lead = users.userByLogin("lead").map(UserRef::toActor).filter(CannedAnswers::canEdit).orElse(null);
        if (lead == null || !canned.list(lead, true).isEmpty()) {
            return;
        }
        Long recovery = routing.groupByCode("recovery").map(GroupRef::id).orElse(null);
        Long notArriving = routing.categoryByCode("mail-not-arriving").map(CategoryRef::id).orElse(null);
        Long blocked = routing.categoryByCode("account-blocked").map(CategoryRef::id).orElse(null);

        canned.create(lead, new CannedAnswerCommand("Запрос данных для восстановления доступа", """
                Здравствуйте, {{customer.name}}!

                Чтобы вернуть доступ к ящику, нам нужно убедиться, что вы — его владелец. Ответьте, пожалуйста, \
                на это письмо и укажите как можно больше сведений о ящике:

                1. Примерную дату регистрации ящика.
                2. Названия папок, которые вы создавали.
                3. Несколько адресов из контактов или тех, с кем вы переписывались.
                4. Фильтры, если вы их настраивали.
                5. Пароли, которыми вы пользовались раньше (даже старые).
                6. Привязанный телефон или дополнительный адрес, если они были.

                Чем больше сведений, тем быстрее мы убедимся, что ящик ваш. Доступ мы возвращаем только владельцу \
                ящика, поэтому просьбы открыть чужую почту выполнить не можем. Ответ обычно приходит в течение \
                5 рабочих дней.

                Заявка {{ticket.number}}.
                {{agent.name}}, {{group.name}}""", recovery, null, CannedAction.ASK_FOR_INFORMATION, true, null));

        canned.create(lead, new CannedAnswerCommand("Проблема решена — закрываем", """
                Здравствуйте, {{customer.name}}!

                Рады, что всё получилось. Закрываем заявку {{ticket.number}} «{{ticket.subject}}». Если проблема \
                вернётся, просто ответьте на это письмо — заявка откроется снова.

                {{agent.name}}, {{group.name}}""", null, null, CannedAction.SOLVE, true, null));

        canned.create(lead, new CannedAnswerCommand("Письма не приходят: первичная проверка", """
                Здравствуйте, {{customer.name}}!

                Проверьте, пожалуйста:

                1. Папку «Спам» и другие папки: письмо могло попасть туда.
                2. Фильтры в настройках: не перекладывает ли какой-нибудь из них письма в папку или в корзину.
                3. Свободное место в ящике: в переполненный ящик письма не доставляются.
                4. Чёрный список отправителей в настройках.

                Если письма так и не нашлись, напишите, пожалуйста, адрес отправителя и примерное время отправки \
                письма — мы проверим его путь на наших серверах.

                {{agent.name}}, {{group.name}}""", null, notArriving, CannedAction.ASK_FOR_INFORMATION, true, null));

        canned.create(lead, new CannedAnswerCommand("Ящик заблокирован: как вернуть доступ", """
                Здравствуйте, {{customer.name}}!

                Ящики блокируют за нарушение правил сервиса (например, за рассылку спама), а чаще — после взлома, \
                когда с ящика рассылают письма без ведома владельца. Чтобы вернуть доступ:

                1. Проверьте компьютер антивирусом.
                2. Откройте страницу входа и следуйте подсказкам: понадобится сменить пароль.
                3. Если восстановить доступ самостоятельно не получается, ответьте на это письмо — мы передадим \
                заявку специалистам.

                {{agent.name}}, {{group.name}}""", null, blocked, null, true, null));

        log.info("Demo canned answers created");
    }
}
