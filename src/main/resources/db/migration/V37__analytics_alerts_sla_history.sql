-- Analytics (issue 11): spike alerts with their notices to team leads, SLA met % per target (from the sla module's
-- SlaTargetFinished events) and arrival history imported into analytics' baselines.

-- Spike alerts. open_key is "CATEGORY:<id>" or "CHANNEL:<name>" while the alert is open and null once closed: the
-- unique constraint (several nulls allowed on both stores) keeps one open alert per category or channel.
create sequence analytics_alert_seq start with 1 increment by 1;
create table analytics_alert (
    id            bigint primary key,
    dimension     varchar(10)  not null,
    dim_key       varchar(40)  not null,
    open_key      varchar(60),
    opened_at     timestamp with time zone not null,
    closed_at     timestamp with time zone,
    window_count  bigint       not null,
    usual         double precision not null,
    spread        double precision not null,
    z_score       double precision not null,
    weeks         integer      not null,
    peak_count    bigint       not null,
    last_count    bigint       not null,
    evaluated_at  timestamp with time zone not null,
    samples       varchar(16000) not null,
    words         varchar(2000)  not null,
    constraint analytics_alert_open unique (open_key),
    constraint analytics_alert_dimension check (dimension in ('CATEGORY', 'CHANNEL'))
);
create index analytics_alert_opened on analytics_alert (opened_at);

-- The in-app notice of an alert to each team lead; read once they look at the alerts.
create table analytics_alert_notice (
    alert_id bigint not null references analytics_alert (id),
    user_id  bigint not null,
    read_at  timestamp with time zone,
    primary key (alert_id, user_id)
);
create index analytics_alert_notice_user on analytics_alert_notice (user_id, read_at);

-- SLA targets' outcomes as the sla module tells them: one row per target and stint (a repeated event is ignored),
-- and the hourly rollup of their finishing hour (UTC hours since the epoch) per target, line and group (0: first line).
create table analytics_sla_outcome (
    ticket_id   bigint      not null,
    target      varchar(20) not null,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone not null,
    line        varchar(10) not null,
    group_id    bigint      not null,
    met         boolean     not null,
    primary key (ticket_id, target, started_at)
);
create index analytics_sla_outcome_finished on analytics_sla_outcome (finished_at);
create table analytics_sla_hour (
    hour_no  bigint      not null,
    target   varchar(20) not null,
    line     varchar(10) not null,
    group_id bigint      not null,
    finished bigint      not null,
    met      bigint      not null,
    primary key (hour_no, target, line, group_id)
);

-- Arrival history imported into analytics: one batch per file, its counts per UTC hour, channel ('' when the file
-- had none) and category (0 when none); has_channel / has_category say which dimensions the file had.
create sequence analytics_arrival_batch_seq start with 1 increment by 1;
create table analytics_arrival_batch (
    id               bigint primary key,
    label            varchar(200) not null,
    file_name        varchar(255),
    zone             varchar(64)  not null,
    interval_minutes integer      not null,
    rows_read        integer      not null,
    first_hour       bigint       not null,
    end_hour         bigint       not null,
    has_channel      boolean      not null,
    has_category     boolean      not null,
    total            double precision not null,
    imported_at      timestamp with time zone not null,
    imported_by      bigint
);
create table analytics_arrival_hour (
    batch_id    bigint      not null references analytics_arrival_batch (id),
    hour_no     bigint      not null,
    channel     varchar(10) not null,
    category_id bigint      not null,
    arrivals    double precision not null,
    primary key (batch_id, hour_no, channel, category_id)
);
create index analytics_arrival_hour_no on analytics_arrival_hour (hour_no);
