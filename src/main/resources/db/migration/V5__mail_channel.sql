-- E-mail channel: what a mail brought to a ticket (sender, sanitised HTML, attachments), the delivery
-- state of replies sent by mail, the support mailboxes Linia reads, every inbound mail it has seen
-- (deduplication, threading, loops), the quarantine of mail it could not read, and the outbox.
-- The intake tables name tickets by id without a foreign key: they belong to another module, and
-- their rows are written in the same transaction as the ticket (insert order is not theirs to fix).

-- messages: who sent it by mail (null for the web), flagged when not the ticket's customer;
-- sanitised HTML for display; delivery of replies that go out by mail (null: not by mail)
alter table ticket_message add column sender_email varchar(254);
alter table ticket_message add column foreign_sender boolean default false not null;
alter table ticket_message add column body_html varchar(1000000);
alter table ticket_message add column delivery varchar(20);
alter table ticket_message add column delivery_detail varchar(1000);
alter table ticket_message add column delivery_at timestamp with time zone;

create sequence ticket_attachment_seq start with 1 increment by 50;
create table ticket_attachment (
    id           bigint primary key,
    ticket_id    bigint        not null references ticket (id),
    message_id   bigint        not null references ticket_message (id),
    file_name    varchar(255)  not null,
    content_type varchar(255)  not null,
    content_id   varchar(255),
    inline_part  boolean       not null,
    size_bytes   bigint        not null,
    created_at   timestamp with time zone not null
);
create index ticket_attachment_ticket on ticket_attachment (ticket_id, id);
-- the bytes apart, so that listing a ticket's attachments never reads them
create table ticket_attachment_content (
    attachment_id bigint primary key references ticket_attachment (id),
    content       bytea not null
);

create sequence mailbox_seq start with 1 increment by 50;
create table mailbox (
    id                bigint primary key,
    name              varchar(80)   not null,
    address           varchar(254)  not null,
    host              varchar(255)  not null,
    port              integer       not null,
    security          varchar(10)   not null,
    username          varchar(254)  not null,
    password          varchar(500)  not null,
    folder            varchar(200)  not null,
    processed_action  varchar(10)   not null,
    processed_folder  varchar(200),
    quarantine_folder varchar(200)  not null,
    poll_seconds      integer       not null,
    use_idle          boolean       not null,
    enabled           boolean       not null,
    from_config       boolean       not null,
    lease_owner       varchar(100),
    lease_until       timestamp with time zone,
    last_poll_at      timestamp with time zone,
    last_poll_count   integer,
    last_error        varchar(2000),
    last_error_at     timestamp with time zone,
    version           bigint        not null,
    constraint mailbox_name unique (name)
);

-- every mail read from a mailbox, once: (mailbox, key of its Message-ID) is the deduplication key
create sequence mail_inbound_seq start with 1 increment by 50;
create table mail_inbound (
    id                bigint primary key,
    mailbox_id        bigint        not null references mailbox (id),
    dedup_key         varchar(64)   not null,
    message_id        varchar(998)  not null,
    from_address      varchar(254),
    subject           varchar(255),
    received_at       timestamp with time zone not null,
    outcome           varchar(20)   not null,
    ticket_id         bigint,
    ticket_message_id bigint,
    acknowledged      boolean       not null,
    detail            varchar(1000),
    constraint mail_inbound_dedup unique (mailbox_id, dedup_key)
);
-- rate limit: new tickets per sender in the last hour
create index mail_inbound_sender on mail_inbound (from_address, received_at);
create index mail_inbound_received on mail_inbound (received_at, id);
create index mail_inbound_ticket on mail_inbound (ticket_id, id);

-- Message-IDs Linia received or sent, and the ticket each belongs to (threading of replies)
create table mail_thread_ref (
    id_key     varchar(64)  not null,
    ticket_id  bigint       not null,
    created_at timestamp with time zone not null
);
create index mail_thread_ref_key on mail_thread_ref (id_key);

create sequence mail_quarantine_seq start with 1 increment by 50;
create table mail_quarantine (
    id          bigint primary key,
    mailbox_id  bigint        not null references mailbox (id),
    message_id  varchar(998),
    from_header varchar(500),
    subject     varchar(500),
    reason      varchar(2000) not null,
    raw         bytea         not null,
    size_bytes  bigint        not null,
    received_at timestamp with time zone not null,
    state       varchar(20)   not null,
    resolved_at timestamp with time zone,
    resolved_by varchar(120),
    ticket_id   bigint
);
create index mail_quarantine_state on mail_quarantine (state, received_at);

create sequence mail_outbox_seq start with 1 increment by 50;
create table mail_outbox (
    id                bigint primary key,
    kind              varchar(30)   not null,
    ticket_id         bigint        not null,
    ticket_message_id bigint,
    recipient         varchar(254)  not null,
    message_id        varchar(255)  not null,
    state             varchar(20)   not null,
    attempts          integer       not null,
    next_attempt_at   timestamp with time zone,
    lease_until       timestamp with time zone,
    last_error        varchar(2000),
    created_at        timestamp with time zone not null,
    sent_at           timestamp with time zone,
    version           bigint        not null,
    constraint mail_outbox_message_id unique (message_id)
);
create index mail_outbox_due on mail_outbox (state, next_attempt_at);
create index mail_outbox_ticket on mail_outbox (ticket_id, id);
