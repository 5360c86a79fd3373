-- Arrival history brought to Linia (a CSV of counts from the desk's previous tool, or the demo's): one
-- batch per import, its counts per hour (summed from the file's 5-minute to 1-day rows). The workforce
-- forecast adds them to the desk's own tickets for the hours they cover.
create sequence arrival_batch_seq start with 1 increment by 50;
create table arrival_batch (
    id               bigint primary key,
    label            varchar(200) not null,
    -- IMPORT: a planner's file; DEMO: seeded by the demo data (linia.demo.arrivals.*)
    source           varchar(10)  not null,
    file_name        varchar(255),
    zone             varchar(64)  not null,
    interval_minutes integer      not null,
    rows_read        integer      not null,
    first_hour       timestamp with time zone not null,
    end_hour         timestamp with time zone not null,
    total            double precision not null,
    imported_at      timestamp with time zone not null,
    imported_by      bigint,
    constraint arrival_batch_source check (source in ('IMPORT', 'DEMO')),
    constraint arrival_batch_span check (end_hour > first_hour)
);

-- Arrivals of one hour (its start instant) of a batch, per channel and category code when the file had them.
-- A fraction when the file's rows were coarser than an hour (a daily count spread over its hours).
create table arrival_count (
    batch_id   bigint           not null references arrival_batch (id) on delete cascade,
    hour_start timestamp with time zone not null,
    channel    varchar(40),
    category   varchar(100),
    arrivals   double precision not null,
    constraint arrival_count_positive check (arrivals >= 0)
);
create index arrival_count_hour on arrival_count (hour_start);
create index arrival_count_batch on arrival_count (batch_id);

-- The staffing settings planners set in the UI over linia.workforce.staffing.*; one row (id 1) or none (the defaults).
create table staffing_settings (
    id                        integer primary key,
    first_line_handling_min   double precision not null,
    second_line_handling_min  double precision not null,
    service_level             double precision not null,
    answer_within_min         integer not null,
    shrinkage                 double precision not null,
    aggregation               varchar(30) not null,
    carry_closed_hours        boolean not null,
    first_line_minimum        integer not null,
    second_line_minimum       integer not null,
    second_line_share         double precision not null,
    share_min_tickets         integer not null,
    changed_at                timestamp with time zone not null,
    changed_by                bigint not null,
    version                   bigint not null,
    constraint staffing_settings_one check (id = 1)
);
