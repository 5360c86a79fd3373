-- The recovery audit log is append-only (V25): PostgreSQL refuses any UPDATE, DELETE or TRUNCATE of it,
-- whoever asks and even when no row would change (statement-level triggers fire before the statement runs).
-- Only the table's owner can drop or disable these triggers; see README for running Linia as a role that
-- does not own its tables.
create function recovery_audit_refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'recovery_audit is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'audit entries are never changed or removed';
end;
$$;

create trigger recovery_audit_no_update before update on recovery_audit
    for each statement execute function recovery_audit_refuse_change();
create trigger recovery_audit_no_delete before delete on recovery_audit
    for each statement execute function recovery_audit_refuse_change();
create trigger recovery_audit_no_truncate before truncate on recovery_audit
    for each statement execute function recovery_audit_refuse_change();
