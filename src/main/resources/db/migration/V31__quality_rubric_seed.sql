-- The first rubric: what a team lead checks in an answer (issue 10). Weights sum to 100; created_by 0 = Linia.
insert into quality_rubric (version, created_at, created_by, current_version)
values (1, timestamp with time zone '2026-11-26 00:00:00+00', 0, true);
insert into quality_criterion (rubric_id, code, name_ru, name_en, weight, position, allows_na)
select r.id, c.code, c.name_ru, c.name_en, c.weight, c.position, c.allows_na from quality_rubric r cross join (values
 ('correct',  'Ответ верный',                             'Answer is correct',                 25, 1, false),
 ('complete', 'Ответ полный (не потребует повторного обращения)', 'Answer is complete (no need to write again)', 20, 2, false),
 ('polite',   'Вежливо и понятно',                        'Polite and clear',                  15, 3, false),
 ('article',  'Использована нужная статья базы знаний',   'Right knowledge-base article used', 10, 4, true),
 ('policy',   'Соблюдены правила (доступ — только владельцу)', 'Policy followed (access only to the owner)', 20, 5, false),
 ('category', 'Верная категория',                         'Right category',                    10, 6, false)) as c (code, name_ru, name_en, weight, position, allows_na) where r.version = 1;
