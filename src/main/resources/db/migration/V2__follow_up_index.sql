-- deleting or merging tickets checks the follow-up foreign key: without an index that is a table scan per row
create index ticket_follow_up_of on ticket (follow_up_of_id);
