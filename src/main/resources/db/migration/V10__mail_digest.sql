-- Mail that is not about one ticket's conversation (the SLA breach digest to a team lead) carries its
-- lines with it; the ticket named is the first of the digest.
alter table mail_outbox add column payload varchar(20000);
