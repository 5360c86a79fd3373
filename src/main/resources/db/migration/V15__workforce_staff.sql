-- Workforce, the people side: shift templates, agents' contracts (with the day each takes effect),
-- planning periods opened by the team lead, and each agent's availability sheet for a period.

-- A shift the desk works on every day of its kind. Times are minutes since local midnight in the zone of
-- the default business calendar; an end of 1440 is midnight at the end of the day (entered as 00:00).
create sequence shift_template_seq start with 101 increment by 50;
create table shift_template (
    id           bigint primary key,
    code         varchar(40)  not null,
    name_ru      varchar(80)  not null,
    name_en      varchar(80)  not null,
    day_kind     varchar(20)  not null,
    start_minute smallint     not null,
    end_minute   smallint     not null,
    active       boolean      not null,
    version      bigint       not null,
    constraint shift_template_code unique (code),
    constraint shift_template_kind check (day_kind in ('WEEKDAY', 'WEEKEND_OR_HOLIDAY')),
    constraint shift_template_span check (start_minute >= 0 and start_minute < end_minute and end_minute <= 1440)
);
-- Seed: the desk of the issue works two 6-hour shifts on weekdays and one 8-hour shift on weekends and holidays.
insert into shift_template (id, code, name_ru, name_en, day_kind, start_minute, end_minute, active, version) values
    (1, 'weekday-morning', 'Утренняя (будни)', 'Morning (weekdays)', 'WEEKDAY', 540, 900, true, 0),
    (2, 'weekday-evening', 'Вечерняя (будни)', 'Evening (weekdays)', 'WEEKDAY', 900, 1260, true, 0),
    (3, 'weekend-day', 'Дневная (выходные и праздники)', 'Day (weekends and holidays)', 'WEEKEND_OR_HOLIDAY', 600, 1080, true, 0);

-- An agent's terms from valid_from on (until the next row of the same agent): the monthly salary covers
-- min_shifts_per_month shifts, each further shift is paid extra_shift_rate; both amounts in one currency.
create sequence workforce_contract_seq start with 1 increment by 50;
create table workforce_contract (
    id                   bigint primary key,
    user_id              bigint         not null references app_user (id),
    valid_from           date           not null,
    monthly_salary       numeric(18, 4) not null,
    extra_shift_rate     numeric(18, 4) not null,
    currency             varchar(3)     not null,
    min_shifts_per_month integer        not null,
    max_shifts_per_week  integer        not null,
    changed_by           bigint         not null,
    changed_at           timestamp with time zone not null,
    version              bigint         not null,
    constraint workforce_contract_from unique (user_id, valid_from),
    constraint workforce_contract_amounts check (monthly_salary >= 0 and extra_shift_rate >= 0),
    constraint workforce_contract_shifts check (min_shifts_per_month >= 0 and max_shifts_per_week >= 1)
);

-- A planning period: whole weeks from a Monday; agents enter their availability until availability_due.
create sequence planning_period_seq start with 1 increment by 50;
create table planning_period (
    id               bigint primary key,
    first_day        date    not null,
    last_day         date    not null,
    availability_due timestamp with time zone not null,
    opened_by        bigint  not null,
    opened_at        timestamp with time zone not null,
    version          bigint  not null,
    constraint planning_period_first unique (first_day),
    constraint planning_period_span check (last_day > first_day)
);
create index planning_period_last on planning_period (last_day);

-- One agent's availability for one period: present once they (or the lead) saved it, so "entered" is a row here.
create sequence availability_sheet_seq start with 1 increment by 50;
create table availability_sheet (
    id         bigint primary key,
    period_id  bigint not null references planning_period (id) on delete cascade,
    user_id    bigint not null references app_user (id),
    note       varchar(1000),
    entered_at timestamp with time zone not null,
    saved_at   timestamp with time zone not null,
    saved_by   bigint not null,
    version    bigint not null,
    constraint availability_sheet_agent unique (period_id, user_id)
);
-- Only what differs from "available" is kept: a shift with no row is available.
create table availability_entry (
    sheet_id     bigint      not null references availability_sheet (id) on delete cascade,
    shift_date   date        not null,
    template_id  bigint      not null references shift_template (id),
    availability varchar(12) not null,
    constraint availability_entry_pk primary key (sheet_id, shift_date, template_id),
    constraint availability_entry_value check (availability in ('UNAVAILABLE', 'PREFERRED'))
);
create index availability_entry_date on availability_entry (shift_date);
