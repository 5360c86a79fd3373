package io.linia.recovery.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's half of the append-only audit log: the statement-level triggers of migration V25_1 (db/vendor/h2) call
 * this class before any UPDATE or DELETE of {@code recovery_audit}, and it refuses the statement with SQLSTATE
 * 42501, as PostgreSQL's trigger does. H2 instantiates it by name, hence public with a public constructor.
 */
public class H2AppendOnlyTrigger implements Trigger {

    private String operation = "CHANGE";
    private String table = "recovery_audit";

    public H2AppendOnlyTrigger() {
    }

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before, int type) {
        table = tableName;
        operation = (type & Trigger.DELETE) != 0 ? "DELETE" : (type & Trigger.UPDATE) != 0 ? "UPDATE" : "CHANGE";
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: " + operation + " refused", "42501");
    }
}
