-- Access recovery: the audit log of requests, views of evidence, decisions and directory actions.
-- Append-only: the store-specific script V25_1 (db/vendor/postgresql, db/vendor/h2) makes the database itself
-- refuse UPDATE, DELETE and TRUNCATE of this table. No foreign keys to tickets or requests: the log outlives them.
create table recovery_audit (
    id           bigint generated always as identity primary key,
    occurred_at  timestamp with time zone not null,
    actor_id     bigint        not null,
    actor_name   varchar(120)  not null,
    action       varchar(40)   not null,
    request_id   bigint,
    ticket_id    bigint,
    mailbox      varchar(254),
    detail       varchar(2000)
);
-- newest first, whole log and per filter (the admin page and export page by keyset on (occurred_at, id))
create index recovery_audit_newest on recovery_audit (occurred_at desc, id desc);
create index recovery_audit_mailbox on recovery_audit (mailbox, occurred_at desc, id desc);
create index recovery_audit_request on recovery_audit (request_id, occurred_at desc, id desc);
create index recovery_audit_actor on recovery_audit (actor_id, occurred_at desc, id desc);
