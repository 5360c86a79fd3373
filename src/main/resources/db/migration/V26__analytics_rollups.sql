-- Analytics rollups: the tickets' flows counted per hour (UTC, hours since the epoch) x channel x category x line x group.
-- "None" is 0 in category_id and group_id (a key column cannot be null in a primary key; no foreign keys: a deleted
-- category's history still counts). Every figure is a sum, so a cell is kept by "add this delta" upserts, and the
-- dashboards' series are sums over a range of hours.
create table analytics_hour (
    hour_no       bigint      not null,
    channel       varchar(10) not null,
    category_id   bigint      not null,
    line          varchar(6)  not null,
    group_id      bigint      not null,
    created       integer     not null default 0,
    escalated     integer     not null default 0,
    returned      integer     not null default 0,
    solved        integer     not null default 0,
    reopened      integer     not null default 0,
    backlog_delta integer     not null default 0,
    wait_count    integer     not null default 0,
    wait_seconds  bigint      not null default 0,
    w0  integer not null default 0, w1  integer not null default 0, w2  integer not null default 0,
    w3  integer not null default 0, w4  integer not null default 0, w5  integer not null default 0,
    w6  integer not null default 0, w7  integer not null default 0, w8  integer not null default 0,
    w9  integer not null default 0, w10 integer not null default 0, w11 integer not null default 0,
    w12 integer not null default 0, w13 integer not null default 0, w14 integer not null default 0,
    w15 integer not null default 0, w16 integer not null default 0, w17 integer not null default 0,
    w18 integer not null default 0, w19 integer not null default 0,
    primary key (hour_no, channel, category_id, line, group_id)
);

-- The backlog's changes per UTC day (days since the epoch): the open count at any moment is the sum of the days
-- before it plus the hours of its own day, so a backlog chart never sums a whole year of hours.
create table analytics_backlog_day (
    day_no        integer     not null,
    channel       varchar(10) not null,
    category_id   bigint      not null,
    line          varchar(6)  not null,
    group_id      bigint      not null,
    backlog_delta integer     not null default 0,
    primary key (day_no, channel, category_id, line, group_id)
);

-- What of each ticket the rollups hold: under which channel and category it was counted and up to which history
-- step. A change is counted as (the ticket's flows now) minus (its flows as counted), so late, repeated or lost
-- events never drift the figures, and a recategorised ticket moves whole to its new category.
create table analytics_ticket (
    ticket_id    bigint      primary key,
    channel      varchar(10) not null,
    category_id  bigint      not null,
    last_step_id bigint      not null
);
