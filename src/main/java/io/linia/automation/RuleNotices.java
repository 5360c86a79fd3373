package io.linia.automation;

import io.linia.accounts.Actor;
import java.util.List;

/** The notices rules sent to the signed-in member of staff. */
public interface RuleNotices {

    List<RuleNoticeView> mine(Actor actor, int limit);

    long unread(Actor actor);

    void markRead(Actor actor, long id);

    int markAllRead(Actor actor);
}
