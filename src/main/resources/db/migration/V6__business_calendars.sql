-- Business calendars: weekly opening hours per weekday (several intervals a day), holidays (closed,
-- or open with their own hours) and a time zone. Times are minutes since local midnight; an interval
-- ends at most at 1440 (24:00, midnight of the next day). Holiday hours are kept as the text the
-- administrator wrote ("10:00–18:00", empty: closed), parsed and checked by the application.
create sequence business_calendar_seq start with 101 increment by 50;
create table business_calendar (
    id               bigint primary key,
    name             varchar(120) not null,
    zone_id          varchar(64)  not null,
    default_calendar boolean      not null,
    version          bigint       not null,
    constraint business_calendar_name unique (name)
);
create table business_calendar_hours (
    calendar_id  bigint   not null references business_calendar (id),
    day_of_week  smallint not null,
    from_minute  smallint not null,
    to_minute    smallint not null,
    constraint business_calendar_hours_pk primary key (calendar_id, day_of_week, from_minute),
    constraint business_calendar_hours_day check (day_of_week between 1 and 7),
    constraint business_calendar_hours_span check (from_minute >= 0 and from_minute < to_minute and to_minute <= 1440)
);
create table business_calendar_holiday (
    calendar_id   bigint       not null references business_calendar (id),
    holiday_date  date         not null,
    name          varchar(120) not null,
    opening_hours varchar(200) not null,
    constraint business_calendar_holiday_pk primary key (calendar_id, holiday_date)
);

-- Seed: the first line works weekdays 9–21 (two 6-hour shifts) and one 8-hour shift 10–18 on weekends
-- and holidays; the second line works weekdays 9–18 and is closed on holidays. Ids below the sequence.
insert into business_calendar (id, name, zone_id, default_calendar, version) values
    (1, 'Поддержка (Москва)', 'Europe/Moscow', true, 0),
    (2, 'Вторая линия, будни', 'Europe/Moscow', false, 0);
insert into business_calendar_hours (calendar_id, day_of_week, from_minute, to_minute) values
    (1, 1, 540, 1260), (1, 2, 540, 1260), (1, 3, 540, 1260), (1, 4, 540, 1260), (1, 5, 540, 1260),
    (1, 6, 600, 1080), (1, 7, 600, 1080),
    (2, 1, 540, 1080), (2, 2, 540, 1080), (2, 3, 540, 1080), (2, 4, 540, 1080), (2, 5, 540, 1080);
-- Russian non-working days of 2026: the public holidays of the Labour Code (art. 112: 1–8 January,
-- 23 February, 8 March, 1 May, 9 May, 12 June, 4 November), a holiday on a weekend moved to the next
-- working day by the same article (8 March, a Sunday → Monday 9 March; 9 May, a Saturday → Monday
-- 11 May), and the Government decree of 24.09.2025 on moving days off in 2026 (Saturday 3 January →
-- Friday 9 January, Sunday 4 January → Thursday 31 December). 10 and 11 January are an ordinary weekend
-- but close the New Year break, so they are listed. Weekend holidays (8 March, 9 May) are listed too:
-- on calendars that work weekends they take the holiday hours.
insert into business_calendar_holiday (calendar_id, holiday_date, name, opening_hours) values
    (1, DATE '2026-01-01', 'Новогодние каникулы', '10:00–18:00'),
    (1, DATE '2026-01-02', 'Новогодние каникулы', '10:00–18:00'),
    (1, DATE '2026-01-03', 'Новогодние каникулы', '10:00–18:00'),
    (1, DATE '2026-01-04', 'Новогодние каникулы', '10:00–18:00'),
    (1, DATE '2026-01-05', 'Новогодние каникулы', '10:00–18:00'),
    (1, DATE '2026-01-06', 'Новогодние каникулы', '10:00–18:00'),
    (1, DATE '2026-01-07', 'Рождество Христово', '10:00–18:00'),
    (1, DATE '2026-01-08', 'Новогодние каникулы', '10:00–18:00'),
    (1, DATE '2026-01-09', 'Новогодние каникулы (перенос с 3 января)', '10:00–18:00'),
    (1, DATE '2026-01-10', 'Новогодние каникулы', '10:00–18:00'),
    (1, DATE '2026-01-11', 'Новогодние каникулы', '10:00–18:00'),
    (1, DATE '2026-02-23', 'День защитника Отечества', '10:00–18:00'),
    (1, DATE '2026-03-08', 'Международный женский день', '10:00–18:00'),
    (1, DATE '2026-03-09', 'Выходной (перенос с 8 марта)', '10:00–18:00'),
    (1, DATE '2026-05-01', 'Праздник Весны и Труда', '10:00–18:00'),
    (1, DATE '2026-05-09', 'День Победы', '10:00–18:00'),
    (1, DATE '2026-05-11', 'Выходной (перенос с 9 мая)', '10:00–18:00'),
    (1, DATE '2026-06-12', 'День России', '10:00–18:00'),
    (1, DATE '2026-11-04', 'День народного единства', '10:00–18:00'),
    (1, DATE '2026-12-31', 'Выходной (перенос с 4 января)', '10:00–18:00');
insert into business_calendar_holiday (calendar_id, holiday_date, name, opening_hours)
    select 2, holiday_date, name, '' from business_calendar_holiday where calendar_id = 1;
