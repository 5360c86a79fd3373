-- The percentiles' indexes carry the fact's local day (its week is read from it, not computed from the moment in the
-- zone for every fact), and the group's also the agent: a team's page reads its times per week, per agent and in total
-- in one scan of the index only (before, the per-agent percentiles fetched every fact's row).
drop index quality_fact_agent;
drop index quality_fact_group;
drop index quality_fact_line;
drop index quality_fact_category;
create index quality_fact_agent on quality_fact (agent_id, at, on_day, handling_ms, first_response_ms);
create index quality_fact_group on quality_fact (group_id, at, on_day, agent_id, handling_ms, first_response_ms);
create index quality_fact_line on quality_fact (line, at, on_day, handling_ms, first_response_ms);
create index quality_fact_category on quality_fact (category_id, at, on_day, handling_ms, first_response_ms);

-- The first line's usual escalation level (a group's or category's page, week by week) reads the first line's day
-- cells of the period by an index range, not by scanning all cells.
create index quality_measure_day_line on quality_measure_day (line, on_day);
