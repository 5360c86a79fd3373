package io.linia.training;

import io.linia.accounts.AgentShifts;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the group certifications that assignment, the workforce roster and "who is on shift" read (accounts'
 * {@link AgentShifts#certifiedGroups}) in step with the training register: a passed group programme adds the
 * group, a revocation or expiry removes it unless another valid certification for the group remains. In the
 * transaction of the change, so the register and assignment never disagree. Certifications an administrator
 * set by hand on the user page stay until the register changes for that group.
 */
@Component
class CertificationSync {

    private final AgentShifts shifts;
    private final Certifications certifications;

    CertificationSync(AgentShifts shifts, Certifications certifications) {
        this.shifts = shifts;
        this.certifications = certifications;
    }

    @EventListener
    void on(CertificationChanged change) {
        if (change.target().kind() != TargetKind.GROUP) {
            return;
        }
        long group = change.target().groupId();
        Set<Long> groups = new HashSet<>(shifts.certifiedGroups(change.userId()));
        boolean holds = change.change() == CertificationChanged.Change.GRANTED
                || certifications.holds(change.userId(), change.target(), change.at());
        boolean changed = holds ? groups.add(group) : groups.remove(group);
        if (changed) {
            shifts.certify(change.userId(), groups);
        }
    }
}
