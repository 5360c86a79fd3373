-- Supervised work: what a trainee in the supervised stage sends to a customer (an answer, a question, a reply, a solving
-- reply) or passes to the second line is held here as a draft until their trainer approves it (as written or edited) or
-- rejects it with a comment. Decided drafts stay: they are the trainee's feedback and the edit/reject rates.
create sequence ticket_draft_seq start with 1 increment by 50;
create table ticket_draft (
    id                 bigint primary key,
    ticket_id          bigint        not null references ticket (id),
    action             varchar(40)   not null,
    author_id          bigint        not null,
    author_name        varchar(120)  not null,
    supervisor_id      bigint        not null,
    supervisor_name    varchar(120)  not null,
    body               text,
    article_url        varchar(1000),
    article_title      varchar(255),
    article_id         bigint,
    category_id        bigint,
    group_id           bigint,
    status             varchar(20)   not null,
    sent_body          text,
    comment            varchar(2000),
    created_at         timestamp with time zone not null,
    decided_at         timestamp with time zone,
    decided_by_id      bigint,
    decided_by_name    varchar(120),
    counts_ticket      boolean       default false not null,
    version            bigint        default 0 not null
);
-- the trainer's list of held drafts, the trainee's own, a ticket's
create index ticket_draft_supervisor on ticket_draft (supervisor_id, status, created_at);
create index ticket_draft_author on ticket_draft (author_id, status, created_at);
create index ticket_draft_ticket on ticket_draft (ticket_id);

-- a step done on a trainee's approved draft names the trainer who approved it
alter table ticket_history add column approved_by_id bigint;
alter table ticket_history add column approved_by_name varchar(120);
