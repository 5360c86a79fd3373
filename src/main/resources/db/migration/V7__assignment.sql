-- Assignment (issue 5, item 4): how each second-line group hands out its tickets, who holds which
-- group's certification, who is on shift now, and where round-robin stopped in each queue.
-- Portable SQL for H2 (PostgreSQL mode) and PostgreSQL.

alter table support_group add column assignment_mode varchar(20) default 'MANUAL' not null;
alter table support_group add column certification_required boolean default false not null;

-- a simple flag until the workforce module reads it from the roster
alter table app_user add column on_shift boolean default false not null;

create table app_user_certification (
    user_id  bigint not null references app_user (id) on delete cascade,
    group_id bigint not null references support_group (id),
    primary key (user_id, group_id)
);
create index app_user_certification_group on app_user_certification (group_id);

-- one row per queue ('first', 'group:<id>'): locked while a ticket of that queue is assigned
create table assignment_cursor (
    queue_key     varchar(40) primary key,
    last_agent_id bigint
);
insert into assignment_cursor (queue_key, last_agent_id) values ('first', null);
insert into assignment_cursor (queue_key, last_agent_id) select 'group:' || id, null from support_group;

-- "next ticket": the oldest unassigned ticket of one queue in one state, read in index order
-- (line, state, group, assignee fixed by the query; assigned tickets are not walked over)
create index ticket_unassigned_queue on ticket (line, state, group_id, assignee_id, queued_at, id);
