-- Russian non-working days of 2027 for the seeded calendars, so that planning periods and due times
-- crossing the new year see them: the public holidays of the Labour Code (art. 112: 1–8 January,
-- 23 February, 8 March, 1 May, 9 May, 12 June, 4 November) and the moves the same article makes by
-- itself — a holiday on a weekend moves the day off to the next working day: 1 May (Saturday) →
-- Monday 3 May, 9 May (Sunday) → Monday 10 May, 12 June (Saturday) → Monday 14 June. Saturday 2 and
-- Sunday 3 January fall inside the New Year holidays: the Government moves those two days off by its
-- yearly decree, which an administrator enters on /admin/calendars (the holidays are editable).
-- 9 and 10 January are an ordinary weekend closing the New Year break, listed as in 2026. Dates an
-- administrator already entered are left as they are; calendars that no longer exist get nothing.
insert into business_calendar_holiday (calendar_id, holiday_date, name, opening_hours)
select c.id, v.d, v.n, case when c.id = 1 then '10:00–18:00' else '' end
from business_calendar c,
     (values (DATE '2027-01-01', 'Новогодние каникулы'),
             (DATE '2027-01-02', 'Новогодние каникулы'),
             (DATE '2027-01-03', 'Новогодние каникулы'),
             (DATE '2027-01-04', 'Новогодние каникулы'),
             (DATE '2027-01-05', 'Новогодние каникулы'),
             (DATE '2027-01-06', 'Новогодние каникулы'),
             (DATE '2027-01-07', 'Рождество Христово'),
             (DATE '2027-01-08', 'Новогодние каникулы'),
             (DATE '2027-01-09', 'Новогодние каникулы'),
             (DATE '2027-01-10', 'Новогодние каникулы'),
             (DATE '2027-02-23', 'День защитника Отечества'),
             (DATE '2027-03-08', 'Международный женский день'),
             (DATE '2027-05-01', 'Праздник Весны и Труда'),
             (DATE '2027-05-03', 'Выходной (перенос с 1 мая)'),
             (DATE '2027-05-09', 'День Победы'),
             (DATE '2027-05-10', 'Выходной (перенос с 9 мая)'),
             (DATE '2027-06-12', 'День России'),
             (DATE '2027-06-14', 'Выходной (перенос с 12 июня)'),
             (DATE '2027-11-04', 'День народного единства')) as v(d, n)
where c.id in (1, 2)
  and not exists (select 1 from business_calendar_holiday h where h.calendar_id = c.id and h.holiday_date = v.d);
