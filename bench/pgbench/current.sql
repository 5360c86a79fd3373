-- What one ticket creation costs PostgreSQL today (token auth, existing customer, no category):
-- two transactions, 12 statements (see bench/run-create-tickets.sh --statements).
\set n random(0, 9999)
BEGIN;
SELECT id, created_at, digest, last_used_at, name, user_id FROM api_token WHERE digest = :digest;
SELECT u.id, u.login, u.locale, r.role, g.group_id FROM app_user u LEFT JOIN app_user_role r ON r.user_id = u.id LEFT JOIN app_user_group g ON g.user_id = u.id WHERE u.id = :lead;
COMMIT;
BEGIN;
SELECT id, created_at, display_name, email, enabled, locale, login, password_hash, version FROM app_user WHERE email = 'bench-' || :n || '@example.ru';
SELECT user_id, role FROM app_user_role WHERE user_id = :lead;
SELECT user_id, group_id FROM app_user_group WHERE user_id = :lead;
INSERT INTO ticket (id, subject, customer_id, customer_email, customer_name, channel, line, state, priority, reopen_count, created_at, updated_at, queued_at, version)
  VALUES (nextval('ticket_seq'), 'pgbench: не работает почта', :lead, 'bench-' || :n || '@example.ru', 'Клиент', 'API', 'FIRST', 'NEW', 'NORMAL', 0, now(), now(), now(), 0);
INSERT INTO ticket_message (id, ticket_id, kind, author_id, author_name, body, created_at)
  VALUES (nextval('ticket_message_seq'), currval('ticket_seq'), 'CUSTOMER', :lead, 'Клиент', 'Здравствуйте! С утра не приходят письма, пробовал перезагрузить — не помогло. Помогите, пожалуйста.', now());
INSERT INTO ticket_history (id, ticket_id, at, actor_id, actor_name, action, to_state, to_line)
  VALUES (nextval('ticket_history_seq'), currval('ticket_seq'), now(), :lead, 'Клиент', 'CREATED', 'NEW', 'FIRST');
COMMIT;
