-- Knowledge base: articles with every version kept, feedback, flags, deflections, evidence from
-- answered tickets, canned answers. Categories get a parent (two levels, as real bases have).

alter table category add column parent_id bigint references category (id);
-- the answer's article, by id, so suggestions can learn which article answered which ticket
alter table ticket_message add column article_id bigint;

create sequence kb_article_seq start with 1 increment by 50;
create table kb_article (
    id            bigint primary key,
    title         varchar(255)   not null,
    body          varchar(200000) not null,
    category_id   bigint references category (id),
    audience      varchar(10)    not null,
    language      varchar(5)     not null,
    tags          varchar(1000)  not null,
    status        varchar(10)    not null,
    author_id     bigint references app_user (id),
    author_name   varchar(120)   not null,
    revision      integer        not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    published_at  timestamp with time zone,
    version       bigint         not null
);
create index kb_article_status on kb_article (status, audience, language);
create index kb_article_category on kb_article (category_id);

create sequence kb_article_version_seq start with 1 increment by 50;
create table kb_article_version (
    id           bigint primary key,
    article_id   bigint         not null references kb_article (id),
    revision     integer        not null,
    title        varchar(255)   not null,
    body         varchar(200000) not null,
    category_id  bigint,
    audience     varchar(10)    not null,
    language     varchar(5)     not null,
    tags         varchar(1000)  not null,
    status       varchar(10)    not null,
    author_id    bigint,
    author_name  varchar(120)   not null,
    change_note  varchar(500),
    created_at   timestamp with time zone not null,
    constraint kb_article_version_revision unique (article_id, revision)
);

create sequence kb_feedback_seq start with 1 increment by 50;
create table kb_feedback (
    id          bigint primary key,
    article_id  bigint        not null references kb_article (id),
    voter       varchar(80)   not null,
    helpful     boolean       not null,
    comment     varchar(1000),
    created_at  timestamp with time zone not null,
    constraint kb_feedback_voter unique (article_id, voter)
);

create sequence kb_flag_seq start with 1 increment by 50;
create table kb_flag (
    id            bigint primary key,
    article_id    bigint        not null references kb_article (id),
    flagged_by    bigint references app_user (id),
    flagged_name  varchar(120)  not null,
    reason        varchar(1000) not null,
    created_at    timestamp with time zone not null,
    resolved_at   timestamp with time zone,
    resolved_by   varchar(120)
);
create index kb_flag_open on kb_flag (resolved_at, article_id);

create sequence kb_deflection_seq start with 1 increment by 50;
create table kb_deflection (
    id          bigint primary key,
    article_id  bigint        not null references kb_article (id),
    user_id     bigint,
    query       varchar(1000),
    created_at  timestamp with time zone not null
);
create index kb_deflection_article on kb_deflection (article_id);

-- a ticket answered with an article: its text is evidence for that article in later suggestions
create sequence kb_evidence_seq start with 1 increment by 50;
create table kb_evidence (
    id          bigint primary key,
    article_id  bigint         not null references kb_article (id),
    ticket_id   bigint         not null,
    text        varchar(70000) not null,
    created_at  timestamp with time zone not null,
    constraint kb_evidence_ticket unique (ticket_id, article_id)
);
create index kb_evidence_article on kb_evidence (article_id);

create sequence canned_answer_seq start with 1 increment by 50;
create table canned_answer (
    id               bigint primary key,
    name             varchar(120)  not null,
    body             varchar(65536) not null,
    group_id         bigint references support_group (id),
    set_category_id  bigint references category (id),
    action           varchar(30),
    active           boolean       not null,
    updated_at       timestamp with time zone not null,
    version          bigint        not null
);
