-- The same figures per day of the desk (its default business calendar's zone, kept in analytics_state), so that a
-- month or a quarter by days sums ~30x fewer rows than by hours. Written beside analytics_hour by the same upserts;
-- an hour belongs to the day its start falls in. When the desk's zone changes the series read the hours (exact,
-- slower) until a rebuild fills the days again in the new zone.
create table analytics_day (
    day_no        integer     not null,
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
    primary key (day_no, channel, category_id, line, group_id)
);

-- One row: the zone analytics_day's days are counted in (null until the first rebuild fills it).
create table analytics_state (
    id       integer     primary key,
    day_zone varchar(64)
);
insert into analytics_state (id, day_zone) values (1, null);
