-- Automation rules (when a ticket is created / updated / idle for a while, and conditions hold, then
-- actions), their run log, the notices they send to staff, and the tags they (and agents) put on
-- tickets and customers.

create table ticket_tag (
    ticket_id bigint      not null references ticket (id) on delete cascade,
    tag       varchar(40) not null,
    primary key (ticket_id, tag)
);
create index ticket_tag_tag on ticket_tag (tag, ticket_id);

create table app_user_tag (
    user_id bigint      not null references app_user (id) on delete cascade,
    tag     varchar(40) not null,
    primary key (user_id, tag)
);

-- "idle for T": the rules' pass walks tickets by their last activity
create index ticket_activity on ticket (updated_at, id);

create sequence automation_rule_seq start with 1 increment by 50;
create table automation_rule (
    id              bigint primary key,
    name            varchar(120)  not null,
    description     varchar(1000),
    trigger_kind    varchar(10)   not null,
    idle_minutes    integer,
    position        integer       not null,
    stop_after      boolean       not null,
    conditions      varchar(8000) not null,
    actions         varchar(8000) not null,
    active          boolean       not null,
    -- the idle pass: tickets whose last activity is at or before this point (and id) were looked at
    idle_seen_until timestamp with time zone,
    idle_seen_id    bigint,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    updated_by      varchar(120)  not null,
    version         bigint        not null
);

-- every time a rule matched a ticket: applied, or failed and skipped (with the error)
create sequence automation_run_seq start with 1 increment by 50;
create table automation_run (
    id        bigint primary key,
    rule_id   bigint       not null references automation_rule (id) on delete cascade,
    ticket_id bigint       not null,
    ran_at    timestamp with time zone not null,
    ok        boolean      not null,
    detail    varchar(1000)
);
create index automation_run_rule on automation_run (rule_id, ran_at);
create index automation_run_time on automation_run (ran_at);

create sequence rule_notice_seq start with 1 increment by 50;
create table rule_notice (
    id           bigint primary key,
    recipient_id bigint        not null references app_user (id) on delete cascade,
    rule_id      bigint,
    rule_name    varchar(120)  not null,
    ticket_id    bigint        not null,
    text         varchar(2000) not null,
    created_at   timestamp with time zone not null,
    read_at      timestamp with time zone
);
create index rule_notice_recipient on rule_notice (recipient_id, read_at, id);
