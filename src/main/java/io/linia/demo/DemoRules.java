package io.linia.demo;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.automation.AutomationRules;
import io.linia.automation.RuleAction;
import io.linia.automation.RuleAction.Type;
import io.linia.automation.RuleCommand;
import io.linia.automation.RuleCondition;
import io.linia.automation.RuleCondition.Field;
import io.linia.automation.RuleCondition.Operator;
import io.linia.automation.RuleTrigger;
import io.linia.knowledge.CannedAnswerView;
import io.linia.knowledge.CannedAnswers;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few automation rules of the kind the desk runs every day, written by the demo administrator after
 * the canned answers ({@code linia.demo.enabled}), and only while there are no rules at all.
 */
@Component
@Order(20)
class DemoRules implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRules.class);

    private final AutomationRules rules;
    private final CannedAnswers canned;
    private final UserDirectory users;
    private final boolean enabled;

    DemoRules(AutomationRules rules, CannedAnswers canned, UserDirectory users,
              @Value("${linia.demo.enabled:true}") boolean enabled) {
        this.rules = rules;
        this.canned = canned;
        this.users = users;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Actor admin = users.userByLogin("admin").map(UserRef::toActor).filter(AutomationRules::canEdit).orElse(null);
        if (admin == null || !rules.list(admin).isEmpty()) {
            return;
        }
        rules.create(admin, new RuleCommand("Похоже на взлом ящика",
                "Жалобы на взлом и рассылку от имени клиента — выше в очереди, с меткой; руководитель в курсе.",
                RuleTrigger.CREATED, null,
                List.of(new RuleCondition(Field.TEXT, Operator.CONTAINS, "взлом | рассылает спам от моего имени | кто-то зашел в мой ящик")),
                List.of(new RuleAction(Type.SET_PRIORITY, "HIGH", null), new RuleAction(Type.ADD_TAG, "взлом", null),
                        new RuleAction(Type.NOTIFY, "TEAM_LEADS", "Возможен взлом ящика: заявка поднята в очереди")),
                true, false, 10, null));

        List<RuleAction> delivery = new ArrayList<>(List.of(new RuleAction(Type.ADD_TAG, "доставка", null)));
        canned.list(admin, false).stream().filter(a -> a.name().startsWith("Письма не приходят")).map(CannedAnswerView::id)
                .findFirst().ifPresent(id -> delivery.add(new RuleAction(Type.ADD_CANNED_NOTE, String.valueOf(id), null)));
        rules.create(admin, new RuleCommand("Не приходят письма: шаблон под рукой",
                "К заявке добавляется заметка с шаблоном первичной проверки — первой линии остаётся проверить и ответить.",
                RuleTrigger.CREATED, null,
                List.of(new RuleCondition(Field.TEXT, Operator.CONTAINS, "не приходят письма | письма не приходят | не доходят письма")),
                delivery, true, false, 20, null));

        rules.create(admin, new RuleCommand("Клиенты с меткой VIP",
                "Поставьте клиенту метку «vip» на странице заявки — его новые обращения получат высокий приоритет.",
                RuleTrigger.CREATED, null,
                List.of(new RuleCondition(Field.CUSTOMER_TAG, Operator.HAS, "vip")),
                List.of(new RuleAction(Type.SET_PRIORITY, "HIGH", null), new RuleAction(Type.ADD_TAG, "vip", null)),
                true, false, 30, null));

        rules.create(admin, new RuleCommand("Сутки без движения на второй линии",
                "Исполнителю и руководителю — напоминание, если по открытой заявке никто ничего не делал сутки.",
                RuleTrigger.IDLE, 24 * 60,
                List.of(new RuleCondition(Field.STATE, Operator.IS, "OPEN"), new RuleCondition(Field.GROUP, Operator.IS_NOT, "none")),
                List.of(new RuleAction(Type.NOTIFY, "ASSIGNEE", "Сутки без движения: ответьте клиенту или передайте заявку"),
                        new RuleAction(Type.NOTIFY, "TEAM_LEADS", "Заявка второй линии сутки без движения"),
                        new RuleAction(Type.ADD_TAG, "сутки-без-движения", null)),
                true, false, 40, null));
        log.info("Demo automation rules written: {}", rules.list(admin).size());
    }
}
