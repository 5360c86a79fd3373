package io.linia.recovery.scoring;

import java.util.List;

/**
 * One line of the explanation shown to the agent.
 *
 * @param kind      what was compared
 * @param points    points earned (0..weight)
 * @param weight    the most this kind can earn
 * @param code      message code in {@code i18n/recovery-scoring}
 * @param arguments the message's arguments (counts, days; never a password)
 */
public record EvidenceItem(EvidenceKind kind, double points, int weight, String code, List<Object> arguments) {

    public EvidenceItem {
        arguments = List.copyOf(arguments);
    }

    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
