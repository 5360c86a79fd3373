-- The recovery audit log is append-only (V25): H2 refuses any UPDATE or DELETE of it through statement-level
-- triggers (a Java class, as H2 triggers are) that raise before the statement runs, even when no row would change.
create trigger recovery_audit_no_update before update on recovery_audit
    for each statement call 'io.linia.recovery.audit.H2AppendOnlyTrigger';
create trigger recovery_audit_no_delete before delete on recovery_audit
    for each statement call 'io.linia.recovery.audit.H2AppendOnlyTrigger';

-- H2 has no TRUNCATE triggers, but it never truncates a table that a foreign key references: this empty table's
-- key is there only for that (it never holds a row).
create table recovery_audit_seal (
    audit_id bigint references recovery_audit (id)
);
