-- Analytics upkeep (issue 11): the catch-up's watermark, kept across restarts (one row per kind of watermark; the
-- catch-up counts again the tickets with a step recorded since it, less a margin). And the tickets' history by time,
-- so that "which tickets changed since" reads a range of an index, not the whole history (a million tickets' steps).
create table analytics_upkeep (
    name          varchar(40) primary key,
    caught_up_to  timestamp with time zone not null
);

create index ticket_history_at on ticket_history (at);
