-- The shortest path one ticket creation needs: one transaction, a customer lookup by a unique
-- index and three inserts (token and categories served from memory).
\set n random(0, 9999)
BEGIN;
SELECT id, email, display_name FROM app_user WHERE email = 'bench-' || :n || '@example.ru';
INSERT INTO ticket (id, subject, customer_id, customer_email, customer_name, channel, line, state, priority, reopen_count, created_at, updated_at, queued_at, version)
  VALUES (nextval('ticket_seq'), 'pgbench: не работает почта', :lead, 'bench-' || :n || '@example.ru', 'Клиент', 'API', 'FIRST', 'NEW', 'NORMAL', 0, now(), now(), now(), 0);
INSERT INTO ticket_message (id, ticket_id, kind, author_id, author_name, body, created_at)
  VALUES (nextval('ticket_message_seq'), currval('ticket_seq'), 'CUSTOMER', :lead, 'Клиент', 'Здравствуйте! С утра не приходят письма, пробовал перезагрузить — не помогло. Помогите, пожалуйста.', now());
INSERT INTO ticket_history (id, ticket_id, at, actor_id, actor_name, action, to_state, to_line)
  VALUES (nextval('ticket_history_seq'), currval('ticket_seq'), now(), :lead, 'Клиент', 'CREATED', 'NEW', 'FIRST');
COMMIT;
