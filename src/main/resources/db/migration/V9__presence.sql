-- Who has a ticket open right now, and whether they are typing (the collision notice). Every open
-- ticket page reports every 2 seconds; a row older than a few seconds means the page was closed.
create table ticket_presence (
    ticket_id bigint       not null,
    user_id   bigint       not null,
    user_name varchar(120) not null,
    typing    boolean      not null,
    seen_at   timestamp with time zone not null,
    primary key (ticket_id, user_id)
);
create index ticket_presence_seen on ticket_presence (seen_at);
