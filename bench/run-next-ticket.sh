#!/usr/bin/env bash
# "Next ticket" benchmark on PostgreSQL (issue 5): 100,000 waiting tickets, 50 agents pulling at once.
#
#   bench/run-next-ticket.sh                          # default configurations, 30 s each after 10 s warm-up
#   bench/run-next-ticket.sh --tickets 100000 --agents 50 --configs "paced:100 closed"
#
# The demo's "a day without activity" automation rule would find all 100,000 month-old open tickets
# idle and work through them in the background, so the server runs with linia.automation.idle-rules=false.
#
# Steps: jar (built if missing), database linia_bench_next reset, Linia started with demo data, then
# straight into PostgreSQL: --agents second-line agents (spread over the five demo groups) with one
# API token each, and --tickets unassigned open tickets in those groups' queues (oldest first); each
# configuration runs bench/NextTicketDriver.java against a fresh copy of that queue; the database is
# checked afterwards (no ticket assigned twice: every ticket has one assignee, history has one TAKE per
# ticket taken). Configurations: "paced:N" — every agent pulls every N ms (open loop); "closed" — every
# agent pulls again as soon as the answer is in (saturation). Each row ends with the load average (1 min)
# read just before and just after the run: the machine may be shared.
#   --java-opts "-XX:StartFlightRecording=..."   JVM options of the server (profiling)
#   --server-args "--linia.routing.next-ticket-async-commit=true"   Spring arguments of the server
#   --jit-warmup 30                               seconds of closed-loop calls before the first configuration, not
#                                                 measured: the server's JIT compiles the hot path (a desk's server has
#                                                 run for hours; without it the first configuration measures the compiler)
#   --client socket|jdk                           the driver's HTTP client (default socket: one blocking keep-alive
#                                                 connection per agent; jdk: java.net.http.HttpClient, for comparison)
#   --db linia_bench_next                         the PostgreSQL database to reset and use (another helper may be
#                                                 benchmarking in the default one on the same machine)
#   --jar path/to/linia.jar                       another build (to compare; default target/linia-*.jar,
#                                                 built when missing: rebuild it after changing the code)
set -euo pipefail

TICKETS=100000
AGENTS=50
MEASURE=30
WARMUP=10
PORT=18081
JAVA_OPTS=""
CONFIGS="paced:200 paced:100 closed"
SERVER_ARGS=""
JAR=""
JIT_WARMUP=30
CLIENT=socket
DB=linia_bench_next
PSQL_URL="postgresql://linia:linia@localhost:5432/$DB"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tickets) TICKETS="$2"; shift 2 ;;
    --agents) AGENTS="$2"; shift 2 ;;
    --seconds) MEASURE="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --configs) CONFIGS="$2"; shift 2 ;;
    --java-opts) JAVA_OPTS="$2"; shift 2 ;;
    --server-args) SERVER_ARGS="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --db) DB="$2"; shift 2 ;;
    --jit-warmup) JIT_WARMUP="$2"; shift 2 ;;
    --client) CLIENT="$2"; shift 2 ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 64 ;;
  esac
done
PSQL_URL="postgresql://linia:linia@localhost:5432/$DB"

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE="http://localhost:$PORT"
OUT="$ROOT/bench/out/$(date +%Y%m%d-%H%M%S)-next-ticket"
mkdir -p "$OUT"
WORK="$(mktemp -d /tmp/linia-bench-next.XXXXXX)"
SERVER_PID=""
log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
}
trap 'cleanup; rm -rf "$WORK"' EXIT
psql_() { psql "$PSQL_URL" -v ON_ERROR_STOP=1 -qAt "$@"; }

[[ -n "$JAR" ]] || JAR="$(ls "$ROOT"/target/linia-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -1 || true)"
if [[ -z "$JAR" ]]; then
  log "building the jar (./mvnw -q -B -DskipTests package)"
  (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
  JAR="$(ls "$ROOT"/target/linia-*.jar | grep -v -- '-plain\.jar$' | head -1)"
fi
mkdir -p "$WORK/driver"
javac -nowarn -d "$WORK/driver" "$ROOT/bench/NextTicketDriver.java"
{
  echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "git:      $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "cores:    $(nproc) ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'))"
  echo "java:     $(java -version 2>&1 | head -1)"
  echo "tickets:  $TICKETS waiting, agents: $AGENTS (the driver runs on this machine too, client: $CLIENT)"
  echo "warm-up:  ${JIT_WARMUP} s closed loop before the first configuration, then ${WARMUP} s unmeasured in each"
} | tee "$OUT/environment.txt"

pg_isready -q -h localhost -p 5432 || { log "starting PostgreSQL"; pg_ctlcluster 15 main start; sleep 2; }
log "resetting database $DB"
su postgres -c "dropdb --if-exists $DB && createdb -O linia $DB"

log "starting Linia on port $PORT"
# shellcheck disable=SC2086 # options and arguments are lists of words
(cd "$WORK" && exec java $JAVA_OPTS -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://localhost:5432/$DB?user=linia&password=linia" \
  --linia.automation.idle-rules=false \
  --management.metrics.distribution.percentiles.http.server.requests=0.5,0.95,0.99 \
  --management.metrics.distribution.expiry.http.server.requests=30s $SERVER_ARGS >"$OUT/server.log" 2>&1) &
SERVER_PID=$!
started=$(date +%s)
until curl -sf "$BASE/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 "$SERVER_PID" 2>/dev/null || { log "server exited; see $OUT/server.log"; tail -30 "$OUT/server.log" >&2; exit 1; }
  (( $(date +%s) - started > 240 )) && { log "server not ready after 240 s"; exit 1; }
  sleep 1
done
log "ready after $(( $(date +%s) - started )) s"

log "agents and tokens"
: > "$WORK/tokens.txt"
{
  echo "begin;"
  for n in $(seq 1 "$AGENTS"); do
    id=$((9000000 + n))
    secret="lin_bench_next_${n}_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    digest=$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)
    echo "$secret" >> "$WORK/tokens.txt"
    echo "insert into app_user (id, login, email, display_name, password_hash, locale, enabled, created_at, version, on_shift)
          values ($id, 'bench-agent-$n', 'bench-agent-$n@linia.local', 'Bench agent $n', null, 'ru', true, now(), 0, true);"
    echo "insert into app_user_role (user_id, role) values ($id, 'AGENT_L2');"
    echo "insert into app_user_group (user_id, group_id)
          select $id, id from (select id, row_number() over (order by id) - 1 as k from support_group) g where k = $(( (n - 1) % 5 ));"
    echo "insert into api_token (id, user_id, name, digest, created_at) values ($id, $id, 'bench', '$digest', now());"
  done
  echo "commit;"
} > "$WORK/agents.sql"
psql_ -f "$WORK/agents.sql"

seed_tickets() {
  # calls still in flight when the driver stops may take a ticket (and write its history) a moment later
  sleep 3
  psql_ <<SQL
begin;
delete from ticket_history where ticket_id >= 20000000;
delete from ticket where id >= 20000000;
commit;
insert into ticket (id, subject, customer_id, customer_email, customer_name, channel, group_id, line, state, priority,
                    reopen_count, created_at, updated_at, queued_at, version)
select 20000000 + s, 'Bench ' || s, c.id, c.email, c.display_name, 'WEB',
       (select id from (select id, row_number() over (order by id) - 1 as k from support_group) g where k = s % 5),
       'SECOND', 'OPEN', 'NORMAL', 0, now() - interval '30 days' + s * interval '1 second',
       now() - interval '30 days' + s * interval '1 second', now() - interval '30 days' + s * interval '1 second', 0
from generate_series(1, $TICKETS) s, (select id, email, display_name from app_user where login = 'customer') c;
vacuum analyze ticket;
SQL
}

load1() { cut -d' ' -f1 /proc/loadavg; }
if (( JIT_WARMUP > 0 )); then
  log "seeding $TICKETS waiting tickets (JIT warm-up)"
  seed_tickets
  log "JIT warm-up: ${JIT_WARMUP} s of closed-loop calls, not measured"
  java -cp "$WORK/driver" NextTicketDriver --url "$BASE" --tokens "$WORK/tokens.txt" --agents "$AGENTS" --client "$CLIENT" \
    --seconds "$JIT_WARMUP" --warmup 0 --pace-ms 0 > "$OUT/driver-jit-warmup.txt"
  log "JIT warm-up: $(sed -n 's/.*requests=\([0-9]*\).*/\1/p' "$OUT/driver-jit-warmup.txt") calls"
fi
printf '\n%-12s %8s %10s %8s %8s %8s %8s  %s\n' config requests "req/s" p50 p95 p99 max "statuses / twice; load before/after" | tee "$OUT/summary.txt"
for config in $CONFIGS; do
  log "seeding $TICKETS waiting tickets"
  seed_tickets
  pace=0; [[ "$config" == paced:* ]] && pace="${config#paced:}"
  log "run $config"
  load_before=$(load1)
  java -cp "$WORK/driver" NextTicketDriver --url "$BASE" --tokens "$WORK/tokens.txt" --agents "$AGENTS" --client "$CLIENT" \
    --seconds "$MEASURE" --warmup "$WARMUP" --pace-ms "$pace" | tee "$OUT/driver-$config.txt"
  twice=$(psql_ -c "select count(*) from (select ticket_id from ticket_history where action = 'TAKE' and ticket_id >= 20000000
                    group by ticket_id having count(*) > 1) d")
  load_after=$(load1)
  taken=$(psql_ -c "select count(*) from ticket where id >= 20000000 and assignee_id is not null")
  f="$OUT/driver-$config.txt"
  printf '%-12s %8s %10s %8s %8s %8s %8s  %s; db: %s taken, %s taken twice; load %s/%s\n' "$config" \
    "$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' "$f")" "$(sed -n 's/.*throughput=\([0-9]*\).*/\1/p' "$f")" \
    "$(sed -n 's/.*p50=\([0-9.]*\).*/\1/p' "$f")" "$(sed -n 's/.*p95=\([0-9.]*\).*/\1/p' "$f")" \
    "$(sed -n 's/.*p99=\([0-9.]*\).*/\1/p' "$f")" "$(sed -n 's/.*max=\([0-9.]*\).*/\1/p' "$f")" \
    "$(sed -n 's/answers by status (warm-up included): //p' "$f") $(sed -n 's/.*handed out twice: //p' "$f")" \
    "$taken" "$twice" "$load_before" "$load_after" | tee -a "$OUT/summary.txt"
  # the server's own view of the same calls (Micrometer percentiles over the last ~30 s; the demo admin's password):
  # what the HTTP driver adds on the same 2 cores is the difference
  curl -s -u admin:linia2026 "$BASE/actuator/prometheus" \
    | grep 'http_server_requests_seconds{.*uri="/api/v1/tickets/next".*quantile=' \
    | sed -n 's/.*quantile="\([0-9.]*\)".* \([0-9.E-]*\)$/\1 \2/p' \
    | awk -v c="$config" 'BEGIN{printf "%-12s server-side", c} {printf "  p%g=%.2f ms", $1*100, $2*1000} END{print ""}' \
    | tee -a "$OUT/summary.txt"
  # the pool's part: mean time to get a connection (validation of one idle too long included) and to use it
  curl -s -u admin:linia2026 "$BASE/actuator/prometheus" \
    | grep -E '^hikaricp_connections_(acquire|usage)_seconds_(sum|count)' \
    | awk -v c="$config" '{split($1, k, "{"); v[k[1]] = $2}
        END {printf "%-12s pool: acquire mean %.3f ms, use mean %.3f ms (since start)\n", c,
             1000 * v["hikaricp_connections_acquire_seconds_sum"] / v["hikaricp_connections_acquire_seconds_count"],
             1000 * v["hikaricp_connections_usage_seconds_sum"] / v["hikaricp_connections_usage_seconds_count"]}' \
    | tee -a "$OUT/summary.txt"
done
log "done; output in $OUT"
