-- Automatic categorisation: trained models (every node loads the newest) and, on each ticket,
-- the suggestion made at its creation and whether a person chose (or corrected) its category.
create sequence categoriser_model_seq start with 1 increment by 50;
create table categoriser_model (
    id              bigint primary key,
    trained_at      timestamp with time zone not null,
    examples        integer          not null,
    categories      integer          not null,
    accuracy        double precision,
    training_millis bigint           not null,
    model           bytea            not null
);

alter table ticket add column suggested_category_id bigint;
alter table ticket add column suggested_group_id bigint;
alter table ticket add column suggestion_confidence double precision;
alter table ticket add column suggestion_confident boolean default false not null;
-- a person (agent, or staff creating the ticket) set the category: the ticket is a training example
alter table ticket add column category_by_person boolean default false not null;
-- ... and it differs from the suggestion: a correction, which counts double in training
alter table ticket add column category_corrected boolean default false not null;
alter table ticket add column category_set_at timestamp with time zone;
-- corrections since the last training (admin page)
create index ticket_category_corrected on ticket (category_corrected, category_set_at);
