-- SLA policies edited in the UI (issue 5): whom a breach notifies besides the group's team leads,
-- who are always told. The agent working the ticket, and/or one named person (e.g. the head of support).
alter table sla_policy add column notify_assignee boolean default false not null;
alter table sla_policy add column notify_user_id bigint references app_user (id);
