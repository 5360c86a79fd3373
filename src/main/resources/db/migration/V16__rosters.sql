-- Workforce rosters: one per planning period, solved by Timefold and edited by the team lead, then
-- published. Only published rosters put agents on shift and count for pay.
create sequence roster_seq start with 1 increment by 50;
create table roster (
    id               bigint primary key,
    period_id        bigint       not null references planning_period (id) on delete cascade,
    state            varchar(12)  not null,
    -- the last solve: its score as Timefold prints it, its levels, how long it ran, and why the roster is so (JSON)
    score            varchar(120),
    hard_score       bigint,
    medium_score     bigint,
    soft_score       bigint,
    solved_at        timestamp with time zone,
    solving_millis   bigint,
    explanation      text,
    published_at     timestamp with time zone,
    published_by     bigint,
    changed_at       timestamp with time zone not null,
    changed_by       bigint       not null,
    version          bigint       not null,
    constraint roster_period unique (period_id),
    constraint roster_state check (state in ('DRAFT', 'PUBLISHED'))
);

-- An agent on a shift of a roster. starts_at/ends_at are the exact instants the template gave on that
-- date when the shift was planned; line and group_id name the queue's seat (null: a seat beyond the need);
-- pinned: given or kept by the team lead's hand, the solve plans around it.
create table roster_shift (
    roster_id   bigint      not null references roster (id) on delete cascade,
    user_id     bigint      not null references app_user (id),
    shift_date  date        not null,
    template_id bigint      not null references shift_template (id),
    starts_at   timestamp with time zone not null,
    ends_at     timestamp with time zone not null,
    line        varchar(10),
    group_id    bigint,
    pinned      boolean     not null,
    constraint roster_shift_pk primary key (roster_id, user_id, shift_date, template_id),
    constraint roster_shift_span check (ends_at > starts_at),
    constraint roster_shift_line check (line is null or line in ('FIRST', 'SECOND'))
);
create index roster_shift_time on roster_shift (starts_at, ends_at);
create index roster_shift_agent on roster_shift (user_id, shift_date);

-- Staffing learns how many tickets reach each second-line group per hour: history entries that move a
-- ticket into a line, found by line and time.
create index ticket_history_line_moves on ticket_history (to_line, at);
