-- Service levels: policies (per line, group, priority, category), the targets each ticket runs
-- against (clock paused while the ticket waits for the customer), and notices to team leads.

-- on the ticket: the nearest running due time and the state, for queues (kept by the SLA module)
alter table ticket add column sla_due_at timestamp with time zone;
alter table ticket add column sla_state varchar(10) default 'NONE' not null;
create index ticket_line_due on ticket (line, state, sla_due_at, queued_at);
create index ticket_group_due on ticket (group_id, state, sla_due_at, queued_at);

create sequence sla_policy_seq start with 1 increment by 50;
create table sla_policy (
    id                     bigint primary key,
    name                   varchar(120) not null,
    line                   varchar(10)  not null,
    group_id               bigint references support_group (id),
    priority               varchar(10),
    category_id            bigint references category (id),
    first_response_minutes integer,
    next_response_minutes  integer,
    resolution_minutes     integer,
    resolution_days        integer,
    business_time          boolean      not null,
    calendar_id            bigint,
    raise_priority         boolean      not null,
    move_to_group_id       bigint references support_group (id),
    active                 boolean      not null,
    version                bigint       not null
);

-- one row per ticket and target while the ticket is in a stint (a queue of a line or group)
create sequence sla_target_seq start with 1 increment by 50;
create table sla_target (
    id             bigint primary key,
    ticket_id      bigint      not null,
    target         varchar(20) not null,
    policy_id      bigint      not null,
    line           varchar(10) not null,
    group_id       bigint,
    business_time  boolean     not null,
    calendar_id    bigint,
    target_seconds bigint      not null,
    started_at     timestamp with time zone not null,
    consumed_secs  bigint      not null,
    running_since  timestamp with time zone,
    due_at         timestamp with time zone,
    warn_at        timestamp with time zone,
    warned_at      timestamp with time zone,
    breached_at    timestamp with time zone,
    finished_at    timestamp with time zone,
    met            boolean,
    active         boolean     not null
);
create index sla_target_ticket on sla_target (ticket_id, active);
create index sla_target_warn on sla_target (active, warned_at, warn_at);
create index sla_target_due on sla_target (active, breached_at, due_at);
-- reporting: met / breached per target, group, period
create index sla_target_finished on sla_target (finished_at, target);

create sequence sla_notice_seq start with 1 increment by 50;
create table sla_notice (
    id         bigint primary key,
    user_id    bigint       not null references app_user (id),
    ticket_id  bigint       not null,
    target     varchar(20)  not null,
    kind       varchar(10)  not null,
    created_at timestamp with time zone not null,
    read_at    timestamp with time zone
);
create index sla_notice_user on sla_notice (user_id, read_at, id);
