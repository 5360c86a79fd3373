package io.linia.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.routing.AssignmentMode;
import io.linia.routing.QueueAssignment;
import io.linia.support.StoreTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The groups' rules "next ticket" reads are kept for {@code linia.routing.rules-cache}: a change through
 * this node applies at once, a change written by another node (here: straight into the table) within that time.
 */
@StoreTest
class GroupAssignmentsCacheTest {

    @Autowired
    GroupAssignments rules;
    @Autowired
    SupportGroupRepository groups;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aChangeOnThisNodeAppliesAtOnceOneFromAnotherNodeWithinTheCacheTime() throws InterruptedException {
        long spam = groups.findAll().stream().filter(g -> g.code().equals("spam")).findFirst().orElseThrow().id();
        QueueAssignment before = rules.groups(List.of(spam)).get(0);
        try {
            QueueAssignment changed = rules.configure(spam, AssignmentMode.LEAST_LOADED, !before.certificationRequired());
            assertThat(rules.groups(List.of(spam))).containsExactly(changed);

            // another node switches it to round-robin: this node still answers from memory, then reads it again
            jdbc.update("update support_group set assignment_mode = 'ROUND_ROBIN' where id = ?", spam);
            assertThat(rules.groups(List.of(spam)).get(0).mode()).isEqualTo(AssignmentMode.LEAST_LOADED);
            Thread.sleep(Duration.ofSeconds(2).plusMillis(100).toMillis());
            assertThat(rules.groups(List.of(spam)).get(0).mode()).isEqualTo(AssignmentMode.ROUND_ROBIN);
            // ids come back in order, unknown ones left out
            assertThat(rules.groups(List.of(spam, -5L))).extracting(QueueAssignment::groupId).containsExactly(spam);
        } finally {
            rules.configure(spam, before.mode(), before.certificationRequired());
        }
    }
}
