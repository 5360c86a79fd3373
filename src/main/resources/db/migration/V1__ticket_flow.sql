-- One schema history for H2 (PostgreSQL mode) and PostgreSQL: only portable SQL here.
-- Sequences step by 50 to match Hibernate's pooled optimizer (one round trip per 50 ids).

create sequence support_group_seq start with 1 increment by 50;
create table support_group (
    id           bigint primary key,
    code         varchar(40)   not null,
    name_ru      varchar(120)  not null,
    name_en      varchar(120)  not null,
    description  varchar(1000),
    active       boolean       not null,
    version      bigint        not null,
    constraint support_group_code unique (code)
);

create sequence category_seq start with 1 increment by 50;
create table category (
    id               bigint primary key,
    code             varchar(60)  not null,
    name_ru          varchar(120) not null,
    name_en          varchar(120) not null,
    default_group_id bigint references support_group (id),
    active           boolean      not null,
    version          bigint       not null,
    constraint category_code unique (code)
);

create sequence app_user_seq start with 1 increment by 50;
create table app_user (
    id            bigint primary key,
    login         varchar(254) not null,
    email         varchar(254) not null,
    display_name  varchar(120) not null,
    password_hash varchar(100),
    locale        varchar(5)   not null,
    enabled       boolean      not null,
    created_at    timestamp with time zone not null,
    version       bigint       not null,
    constraint app_user_login unique (login),
    constraint app_user_email unique (email)
);

create table app_user_role (
    user_id bigint      not null references app_user (id) on delete cascade,
    role    varchar(20) not null,
    primary key (user_id, role)
);

create table app_user_group (
    user_id  bigint not null references app_user (id) on delete cascade,
    group_id bigint not null references support_group (id),
    primary key (user_id, group_id)
);

create sequence api_token_seq start with 1 increment by 50;
create table api_token (
    id           bigint primary key,
    user_id      bigint      not null references app_user (id) on delete cascade,
    name         varchar(80) not null,
    digest       varchar(64) not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    constraint api_token_digest unique (digest)
);

create sequence ticket_seq start with 1 increment by 50;
create table ticket (
    id                bigint primary key,
    subject           varchar(255) not null,
    customer_id       bigint       not null references app_user (id),
    customer_email    varchar(254) not null,
    customer_name     varchar(120) not null,
    channel           varchar(10)  not null,
    category_id       bigint references category (id),
    group_id          bigint references support_group (id),
    line              varchar(10)  not null,
    state             varchar(30)  not null,
    priority          varchar(10)  not null,
    assignee_id       bigint references app_user (id),
    assignee_name     varchar(120),
    close_reason      varchar(30),
    follow_up_of_id   bigint references ticket (id),
    reopen_count      integer      not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    queued_at         timestamp with time zone not null,
    first_response_at timestamp with time zone,
    solved_at         timestamp with time zone,
    closed_at         timestamp with time zone,
    version           bigint       not null
);
-- queues: first line by arrival, each second-line group by arrival, "my tickets", a customer's tickets
create index ticket_line_queue on ticket (line, state, queued_at, id);
create index ticket_group_queue on ticket (group_id, state, queued_at, id);
create index ticket_assignee on ticket (assignee_id, state);
create index ticket_customer on ticket (customer_id, created_at, id);
create index ticket_created on ticket (created_at, id);
create index ticket_solved on ticket (state, solved_at);

create sequence ticket_message_seq start with 1 increment by 50;
create table ticket_message (
    id            bigint primary key,
    ticket_id     bigint        not null references ticket (id),
    kind          varchar(20)   not null,
    author_id     bigint references app_user (id),
    author_name   varchar(120)  not null,
    body          varchar(65536) not null,
    article_url   varchar(1000),
    article_title varchar(255),
    created_at    timestamp with time zone not null
);
create index ticket_message_ticket on ticket_message (ticket_id, id);

create sequence ticket_history_seq start with 1 increment by 50;
create table ticket_history (
    id            bigint primary key,
    ticket_id     bigint       not null references ticket (id),
    at            timestamp with time zone not null,
    actor_id      bigint references app_user (id),
    actor_name    varchar(120) not null,
    action        varchar(30)  not null,
    from_state    varchar(30),
    to_state      varchar(30),
    from_line     varchar(10),
    to_line       varchar(10),
    from_group_id bigint,
    to_group_id   bigint,
    detail        varchar(2000)
);
create index ticket_history_ticket on ticket_history (ticket_id, id);
