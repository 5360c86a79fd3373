-- Pay: the team lead's adjustments of published rosters for swaps and absences. Shifts worked in a month are
-- the published rostered shifts minus ABSENT and SWAP_OUT plus EXTRA and SWAP_IN. A swap is two rows written
-- in one action (the rostered agent's SWAP_OUT and the substitute's SWAP_IN) sharing pair_id; removing one
-- side removes both. One adjustment per agent and shift: a second one is refused (and the key keeps it so).
create sequence pay_adjustment_seq start with 1 increment by 50;
create table pay_adjustment (
    id           bigint       primary key,
    user_id      bigint       not null references app_user (id),
    shift_date   date         not null,
    template_id  bigint       not null references shift_template (id),
    -- the shift's exact times when it was recorded (the template on that date in the planning zone)
    starts_at    timestamp with time zone not null,
    ends_at      timestamp with time zone not null,
    kind         varchar(10)  not null,
    -- the other side of a swap (the substitute on SWAP_OUT, the rostered agent on SWAP_IN); null otherwise
    other_user_id bigint      references app_user (id),
    pair_id      bigint,
    reason       varchar(500) not null,
    created_by   bigint       not null,
    created_at   timestamp with time zone not null,
    constraint pay_adjustment_once unique (user_id, shift_date, template_id),
    constraint pay_adjustment_kind check (kind in ('ABSENT', 'EXTRA', 'SWAP_OUT', 'SWAP_IN')),
    constraint pay_adjustment_swap check ((kind in ('SWAP_OUT', 'SWAP_IN')) = (other_user_id is not null and pair_id is not null))
);
create index pay_adjustment_date on pay_adjustment (shift_date);
create index pay_adjustment_pair on pay_adjustment (pair_id);
