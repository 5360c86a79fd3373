-- A team's page reads its facts' times per week, per agent and in total in one scan: the group's index carries the
-- agent too, so the scan reads the index only (before, the per-agent percentiles fetched every fact's row).
drop index quality_fact_group;
create index quality_fact_group on quality_fact (group_id, at, agent_id, handling_ms, first_response_ms);

-- The first line's usual escalation level (a group's or category's page, week by week) reads the first line's day
-- cells of the period by an index range, not by scanning all cells.
create index quality_measure_day_line on quality_measure_day (line, on_day);
