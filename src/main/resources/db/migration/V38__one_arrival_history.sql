-- One store of imported arrival history (issue 11, item 3): the workforce's arrival_batch / arrival_count (V17) now
-- feed the workforce forecast, the spike alerts' usual level and the dashboards' usual inflow alike, whichever page
-- or API imported the file. A batch says whether its file had a channel and a category column: a dimension the file
-- did not have cannot stand in for Linia's own history of that dimension.
alter table arrival_batch add column has_channel boolean default false not null;
alter table arrival_batch add column has_category boolean default false not null;
update arrival_batch set has_channel = exists (select 1 from arrival_count c where c.batch_id = arrival_batch.id and c.channel is not null);
update arrival_batch set has_category = exists (select 1 from arrival_count c where c.batch_id = arrival_batch.id and c.category is not null);

-- Analytics' own store of imported history (V37) is no longer used.
drop table analytics_arrival_hour;
drop table analytics_arrival_batch;
drop sequence analytics_arrival_batch_seq;
