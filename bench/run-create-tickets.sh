#!/usr/bin/env bash
# End-to-end load benchmark of ticket creation through the REST API (POST /api/v1/tickets).
#
#   bench/run-create-tickets.sh                 # PostgreSQL (database linia_bench, reset first)
#   bench/run-create-tickets.sh --store h2      # embedded H2 file under a fresh temp dir
#   bench/run-create-tickets.sh --statements    # PostgreSQL: list the SQL one creation costs (no load)
#
# Options: --store pg|h2, --seconds N (measured, default 30), --warmup N (default 10), --port N
# (default 18080), --configs "token:8 token:32 token:64 basic:32" (auth:concurrency, run in order),
# --java-opts "..." (for the server JVM), --statements [N] (statement trace with N creations per kind).
#
# Starts Linia from target/linia-*.jar (built if missing) with demo data, gets an API token for
# the demo team lead through the web UI (login form, CSRF, profile page), runs bench/LoadDriver.java
# per configuration, samples CPU of the server, PostgreSQL and the driver over each measured window,
# checks the driver's count of 201 answers against the tickets in the database, prints a summary
# and stops the server. Figures are printed, never judged: the exit code is 0 unless something
# could not be run. Output is kept under bench/out/<time>-<store>/.
set -euo pipefail

STORE=pg
MEASURE=30
WARMUP=10
PORT=18080
CONFIGS="token:8 token:32 token:64 basic:32"
JAVA_OPTS_SERVER=""
STATEMENTS=0
PG_URL_BASE="jdbc:postgresql://localhost:5432/linia_bench"
PG_CREDS="user=linia&password=linia"
PSQL_URL="postgresql://linia:linia@localhost:5432/linia_bench"
LEAD_USER=lead
LEAD_PASSWORD=linia2026

while [[ $# -gt 0 ]]; do
  case "$1" in
    --store) STORE="$2"; shift 2 ;;
    --seconds) MEASURE="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --configs) CONFIGS="$2"; shift 2 ;;
    --java-opts) JAVA_OPTS_SERVER="$2"; shift 2 ;;
    --statements)
      STATEMENTS=10
      if [[ $# -gt 1 && "$2" =~ ^[0-9]+$ ]]; then STATEMENTS="$2"; shift; fi
      shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 64 ;;
  esac
done
[[ "$STORE" == pg || "$STORE" == h2 ]] || { echo "--store pg or h2" >&2; exit 64; }
if [[ $STATEMENTS -gt 0 && "$STORE" != pg ]]; then echo "--statements needs --store pg" >&2; exit 64; fi

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE="http://localhost:$PORT"
OUT="$ROOT/bench/out/$(date +%Y%m%d-%H%M%S)-$STORE$([[ $STATEMENTS -gt 0 ]] && echo -statements || true)"
mkdir -p "$OUT"
WORK="$(mktemp -d /tmp/linia-bench.XXXXXX)"
HZ=$(getconf CLK_TCK)
SERVER_PID=""

log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }

cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap 'cleanup; rm -rf "$WORK"' EXIT

# ------------------------------------------------------------------ build and environment

JAR="$(ls "$ROOT"/target/linia-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -1 || true)"
if [[ -z "$JAR" ]]; then
  log "building the jar (./mvnw -q -B -DskipTests package)"
  (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
  JAR="$(ls "$ROOT"/target/linia-*.jar | grep -v -- '-plain\.jar$' | head -1)"
fi

mkdir -p "$WORK/driver"
javac -nowarn -d "$WORK/driver" "$ROOT/bench/LoadDriver.java"

{
  echo "date:        $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "git:         $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "jar:         $JAR"
  echo "store:       $STORE"
  echo "cores:       $(nproc) ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'))"
  echo "memory:      $(free -m | awk '/Mem:/{print $2 " MiB"}')"
  echo "java:        $(java -version 2>&1 | head -1)"
  echo "load avg:    $(cut -d' ' -f1-3 /proc/loadavg) (before start; the load driver runs on this machine too)"
} | tee "$OUT/environment.txt"

# ------------------------------------------------------------------ database

SERVER_ARGS=(--server.port="$PORT")
if [[ "$STORE" == pg ]]; then
  pg_isready -q -h localhost -p 5432 || { log "starting PostgreSQL"; pg_ctlcluster 15 main start; sleep 2; }
  log "resetting database linia_bench"
  su postgres -c "dropdb --if-exists linia_bench && createdb -O linia linia_bench"
  if [[ $STATEMENTS -gt 0 ]]; then
    su postgres -c "psql -q -d linia_bench -c \"alter database linia_bench set log_statement = 'all'\""
  fi
  SERVER_ARGS+=(--spring.datasource.url="$PG_URL_BASE?$PG_CREDS")
  {
    echo "postgresql:  $(psql "$PSQL_URL" -Atc 'select version()' | cut -d, -f1)"
    echo "pg settings: $(psql "$PSQL_URL" -Atc "select string_agg(name || '=' || setting, ' ') from pg_settings where name in ('synchronous_commit','fsync','shared_buffers','max_connections','wal_level')")"
  } | tee -a "$OUT/environment.txt"
fi

psql_count() { psql "$PSQL_URL" -Atc "select count(*) from ticket where customer_email like 'bench-%@example.ru'"; }

# ------------------------------------------------------------------ server

log "starting Linia ($STORE) on port $PORT, working directory $WORK"
# shellcheck disable=SC2086
(cd "$WORK" && exec java $JAVA_OPTS_SERVER -jar "$JAR" "${SERVER_ARGS[@]}" >"$OUT/server.log" 2>&1) &
SERVER_PID=$!
started=$(date +%s)
until curl -sf "$BASE/actuator/health/readiness" >/dev/null 2>&1; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    log "server exited during start-up; last lines of $OUT/server.log:"; tail -30 "$OUT/server.log" >&2; exit 1
  fi
  if (( $(date +%s) - started > 240 )); then log "server not ready after 240 s"; exit 1; fi
  sleep 1
done
log "ready after $(( $(date +%s) - started )) s (pid $SERVER_PID)"

# ------------------------------------------------------------------ API token through the web UI

JAR_COOKIES="$WORK/cookies.txt"
csrf_of() { sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1; }
csrf=$(curl -sf -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | csrf_of)
[[ -n "$csrf" ]] || { log "no _csrf field on /login"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" \
  --data-urlencode "username=$LEAD_USER" --data-urlencode "password=$LEAD_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login")
[[ "$code" == 302 ]] || { log "login answered $code"; exit 1; }
csrf=$(curl -sf -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/profile" | csrf_of)
curl -s -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "name=bench" --data-urlencode "_csrf=$csrf" "$BASE/profile/tokens"
TOKEN=$(curl -sf -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/profile" \
  | awk '/id="issued-token"/{f=1} f&&/<code/{print; exit}' | grep -o 'lin_[A-Za-z0-9_-]*' || true)
[[ -n "$TOKEN" ]] || { log "no token in #issued-token on /profile"; exit 1; }
log "API token issued for $LEAD_USER (${TOKEN:0:8}…)"

CATEGORIES=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/categories" \
  | grep -o '"id":[0-9]*,"code":"[^"]*","nameRu":"[^"]*","nameEn":"[^"]*","defaultGroupId":[0-9a-z]*,"active":true' \
  | sed 's/"id":\([0-9]*\),.*/\1/' | paste -sd, - || true)
log "active categories: ${CATEGORIES:-none}"

# ------------------------------------------------------------------ statement trace (no load)

if [[ $STATEMENTS -gt 0 ]]; then
  PGLOG=/var/log/postgresql/postgresql-15-main.log
  post() {
    curl -s -o /dev/null -w '%{http_code}\n' -X POST "$BASE/api/v1/tickets" -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' -d "$1"
  }
  mark() { psql "$PSQL_URL" -qAtc "select 'bench-mark-$1'" >/dev/null; }
  # one creation first, so that one-off work (sequence blocks, token last-use) is not in the phases
  post '{"subject":"Разогрев","body":"Первое обращение","customerEmail":"bench-warm@example.ru","customerName":"Разогрев"}' >/dev/null
  sleep 1
  offset=$(stat -c %s "$PGLOG")
  mark new
  for i in $(seq 1 "$STATEMENTS"); do
    post "{\"subject\":\"Новый клиент $i\",\"body\":\"Текст обращения\",\"customerEmail\":\"bench-new-$i@example.ru\",\"customerName\":\"Клиент $i\"}" >/dev/null
  done
  mark existing
  for i in $(seq 1 "$STATEMENTS"); do
    post "{\"subject\":\"Тот же клиент $i\",\"body\":\"Текст обращения\",\"customerEmail\":\"bench-new-1@example.ru\",\"customerName\":\"Клиент 1\"}" >/dev/null
  done
  first_category=${CATEGORIES%%,*}
  mark category
  for i in $(seq 1 "$STATEMENTS"); do
    post "{\"subject\":\"С категорией $i\",\"body\":\"Текст обращения\",\"customerEmail\":\"bench-new-1@example.ru\",\"customerName\":\"Клиент 1\",\"categoryId\":$first_category}" >/dev/null
  done
  mark basic
  for i in $(seq 1 "$STATEMENTS"); do
    curl -s -o /dev/null -X POST "$BASE/api/v1/tickets" -u "$LEAD_USER:$LEAD_PASSWORD" -H 'Content-Type: application/json' \
      -d "{\"subject\":\"Basic $i\",\"body\":\"Текст обращения\",\"customerEmail\":\"bench-new-1@example.ru\",\"customerName\":\"Клиент 1\"}"
  done
  mark end
  sleep 1
  tail -c +"$((offset + 1))" "$PGLOG" | grep -E '@linia_bench (LOG|DETAIL)' > "$OUT/statements.log" || true
  python3 - "$OUT/statements.log" "$STATEMENTS" <<'PY' | tee "$OUT/statements.txt"
import re, sys, collections
path, n = sys.argv[1], int(sys.argv[2])
phases, current = collections.OrderedDict(), None
names = {"new": "token auth, new customer", "existing": "token auth, existing customer",
         "category": "token auth, existing customer, with categoryId", "basic": "HTTP basic, existing customer"}
for line in open(path, encoding="utf-8", errors="replace"):
    m = re.search(r"(?:LOG:  (?:statement|execute [^:]*): )(.*)$", line)
    if not m:
        continue
    sql = m.group(1).strip()
    mk = re.search(r"'bench-mark-(\w+)'", sql)
    if mk:
        current = None if mk.group(1) == "end" else mk.group(1)
        if current:
            phases[current] = collections.Counter()
        continue
    if current:
        if not sql:
            sql = "(empty query: HikariCP's connection check after > 0.5 s idle; absent under load)"
        sql = re.sub(r"\s+", " ", sql)
        sql = re.sub(r"^(select|insert into|update|delete from) (.{0,150}).*$", lambda x: x.group(1) + " " + x.group(2) + ("…" if len(x.group(0)) > len(x.group(1)) + 151 else ""), sql)
        phases[current][sql] += 1
for phase, counter in phases.items():
    total = sum(counter.values())
    print(f"\n== {names.get(phase, phase)}: {total} statements for {n} creations = {total / n:.1f} per creation (BEGIN/COMMIT included)")
    for sql, c in sorted(counter.items(), key=lambda kv: -kv[1]):
        print(f"  {c / n:5.2f}  {sql}")
PY
  su postgres -c "psql -q -d linia_bench -c \"alter database linia_bench reset log_statement\""
  log "statement trace in $OUT/statements.txt (raw: statements.log)"
  exit 0
fi

# ------------------------------------------------------------------ CPU sampling

# "pid ticks" lines for the processes we look at, then the machine's busy and total ticks
cpu_snapshot() {
  # bash built-ins only (no fork per process), so that sampling costs next to nothing
  local f pid stat rest cmd kind
  local -a fields
  for f in /proc/[0-9]*; do
    pid=${f#/proc/}
    { IFS= read -r stat < "$f/stat"; } 2>/dev/null || continue
    cmd=""
    { IFS= read -r -d '' cmd < "$f/cmdline"; } 2>/dev/null || true
    if [[ "$pid" == "$SERVER_PID" ]]; then kind=server
    elif [[ -n "${DRIVER_PID:-}" && "$pid" == "$DRIVER_PID" ]]; then kind=driver
    elif [[ "$cmd" == postgres:*linia_bench* ]]; then kind=pg_backend
    elif [[ "$cmd" =~ ^postgres:\ [^:]*:\ (walwriter|checkpointer|background\ writer|autovacuum\ launcher|logical\ replication|stats|archiver) \
            || "$cmd" == */bin/postgres* ]]; then kind=pg_shared
    else kind=other; fi
    # fields after the ")" that closes comm: state is 1st, utime 12th, stime 13th
    rest=${stat##*) }
    read -r -a fields <<<"$rest"
    echo "$kind $pid $(( fields[11] + fields[12] ))"
  done
  # the server's threads by kind: request workers, JIT compilers, garbage collector, the rest
  local comm t
  for f in /proc/"$SERVER_PID"/task/[0-9]*; do
    { IFS= read -r stat < "$f/stat"; } 2>/dev/null || continue
    comm=${stat#*(}; comm=${comm%)*}
    case "$comm" in
      http-nio-*) kind=srv_http ;;
      C1\ Compiler*|C2\ Compiler*) kind=srv_jit ;;
      GC\ Thread*|G1\ *|VM\ Thread) kind=srv_gc_vm ;;
      *) kind=srv_other ;;
    esac
    rest=${stat##*) }
    read -r -a fields <<<"$rest"
    t=${f##*/}
    echo "$kind $t $(( fields[11] + fields[12] ))"
  done
  awk '/^cpu /{print "machine_busy 0 " $2+$3+$4+$7+$8+$9; print "machine_all 0 " $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat
}

# percent of one core per kind between two snapshots (200% = both cores); the elapsed time is
# taken from the machine's own tick count, so that it is exactly the time between the snapshots
cpu_delta() {
  awk -v hz="$HZ" -v ncpu="$(nproc)" -v ok="${3:-0}" '
    FNR == NR { a[$1 " " $2] = $3; next }
    { d = $3 - ((($1 " " $2) in a) ? a[$1 " " $2] : 0); if (d < 0) d = 0; s[$1] += d }
    END {
      secs = s["machine_all"] / hz / ncpu; if (secs <= 0) secs = 1
      busy = s["machine_busy"]; ours = s["server"] + s["pg_backend"] + s["pg_shared"] + s["driver"]
      others = busy - ours; if (others < 0) others = 0
      printf "server=%.0f pg_backend=%.0f pg_shared=%.0f driver=%.0f others=%.0f machine=%.0f secs=%.1f",
        100*s["server"]/hz/secs, 100*s["pg_backend"]/hz/secs, 100*s["pg_shared"]/hz/secs,
        100*s["driver"]/hz/secs, 100*others/hz/secs, 100*busy/hz/secs, secs
      printf " srv_http=%.0f srv_jit=%.0f srv_gc_vm=%.0f srv_other=%.0f",
        100*s["srv_http"]/hz/secs, 100*s["srv_jit"]/hz/secs, 100*s["srv_gc_vm"]/hz/secs, 100*s["srv_other"]/hz/secs
      # CPU milliseconds per request completed in the window (ok is passed in)
      if (ok > 0) printf " ms_per_req_server=%.2f ms_per_req_pg=%.2f ms_per_req_driver=%.2f",
        1000*s["server"]/hz/ok, 1000*(s["pg_backend"]+s["pg_shared"])/hz/ok, 1000*s["driver"]/hz/ok
      printf "\n"
    }' "$1" "$2"
}

pg_stats() {
  psql "$PSQL_URL" -Atc "select xact_commit + xact_rollback, tup_inserted, tup_updated, tup_returned, tup_fetched from pg_stat_database where datname = 'linia_bench'"
}

# ------------------------------------------------------------------ runs

SUMMARY="$OUT/summary.txt"
printf '%-10s %8s %7s %6s %8s %8s %8s %8s | %6s %6s %6s %6s %6s %6s | %7s %7s %7s | %s\n' \
  config req/s ok errors p50_ms p90_ms p99_ms max_ms server s_jit pg_be pg_sh driver others \
  srv_ms pg_ms drv_ms "DB check" > "$SUMMARY"
TOTAL_CREATED=0
for config in $CONFIGS; do
  auth=${config%%:*}; conc=${config##*:}; label="$STORE-$auth-c$conc"
  if [[ "$auth" == token ]]; then AUTH_ARGS=(--token "$TOKEN"); else AUTH_ARGS=(--basic "$LEAD_USER:$LEAD_PASSWORD"); fi
  before=""; [[ "$STORE" == pg ]] && before=$(psql_count) && stats_before=$(pg_stats)
  log "run $label: warm-up $WARMUP s, measured $MEASURE s"
  DRIVER_OUT="$OUT/driver-$label.txt"
  java -cp "$WORK/driver" LoadDriver --url "$BASE" "${AUTH_ARGS[@]}" --seconds "$MEASURE" --warmup "$WARMUP" \
    --concurrency "$conc" --categories "$CATEGORIES" --label "$label" > "$DRIVER_OUT" 2>&1 &
  DRIVER_PID=$!
  until grep -q '^# window open' "$DRIVER_OUT" 2>/dev/null; do
    kill -0 "$DRIVER_PID" 2>/dev/null || break; sleep 0.1
  done
  cpu_snapshot > "$WORK/cpu-a"
  sleep "$(( MEASURE / 2 ))"
  { cat /proc/loadavg; top -b -n1 -o %CPU -w 200 | head -25; } > "$OUT/top-$label.txt" 2>&1 || true
  until grep -q '^# window closed' "$DRIVER_OUT" 2>/dev/null; do
    kill -0 "$DRIVER_PID" 2>/dev/null || break; sleep 0.1
  done
  cpu_snapshot > "$WORK/cpu-b"
  rc=0; wait "$DRIVER_PID" || rc=$?
  DRIVER_PID=""
  grep -v '^#' "$DRIVER_OUT" >&2 || true
  result=$(grep '^RESULT' "$DRIVER_OUT" || true)
  if [[ -z "$result" ]]; then log "driver failed (exit $rc)"; continue; fi
  get() { echo "$result" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
  cpu=$(cpu_delta "$WORK/cpu-a" "$WORK/cpu-b" "$(get requests)")
  echo "cpu % of one core over the window (200 = both cores): $cpu" | tee -a "$DRIVER_OUT" >&2
  getc() { echo "$cpu" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
  created=$(get created_total); TOTAL_CREATED=$((TOTAL_CREATED + created))
  check="-"
  if [[ "$STORE" == pg ]]; then
    after=$(psql_count); stats_after=$(pg_stats)
    delta=$((after - before))
    if [[ "$delta" == "$created" ]]; then check="ok: db +$delta = 201s"; else check="MISMATCH: db +$delta, driver 201s $created"; fi
    read -r x1 i1 u1 r1 f1 <<<"$(echo "$stats_before" | tr '|' ' ')"
    read -r x2 i2 u2 r2 f2 <<<"$(echo "$stats_after" | tr '|' ' ')"
    if [[ "$delta" -gt 0 ]]; then
      awk -v d="$delta" -v x=$((x2 - x1)) -v i=$((i2 - i1)) -v u=$((u2 - u1)) -v r=$((r2 - r1)) -v f=$((f2 - f1)) \
        'BEGIN { printf "pg_stat_database per created ticket: transactions %.2f, rows inserted %.2f, updated %.2f, returned %.1f, fetched %.2f\n", x/d, i/d, u/d, r/d, f/d }' \
        | tee -a "$DRIVER_OUT" >&2
    fi
  fi
  log "$label: $check (exit $rc)"
  printf '%-10s %8s %7s %6s %8s %8s %8s %8s | %6s %6s %6s %6s %6s %6s | %7s %7s %7s | %s\n' \
    "$auth-c$conc" "$(get rps)" "$(get ok)" "$(get errors)" "$(get p50)" "$(get p90)" "$(get p99)" "$(get max)" \
    "$(getc server)" "$(getc srv_jit)" "$(getc pg_backend)" "$(getc pg_shared)" "$(getc driver)" "$(getc others)" \
    "$(getc ms_per_req_server)" "$(getc ms_per_req_pg)" "$(getc ms_per_req_driver)" "$check" >> "$SUMMARY"
done

log "stopping the server"
cleanup

if [[ "$STORE" == h2 ]]; then
  unzip -q -o -j "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK/h2" 2>/dev/null || true
  H2JAR=$(ls "$WORK"/h2/h2-*.jar 2>/dev/null | head -1 || true)
  if [[ -n "$H2JAR" ]]; then
    n=$(java -cp "$H2JAR" org.h2.tools.Shell -url "jdbc:h2:file:$WORK/data/linia;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
        -user linia -password "" -sql "select count(*) from ticket where customer_email like 'bench-%@example.ru'" 2>/dev/null \
        | grep -Eo '^[0-9]+' | head -1 || true)
    if [[ "$n" == "$TOTAL_CREATED" ]]; then echo "DB check (all runs): ok, $n bench tickets in H2 = driver's 201s" >> "$SUMMARY"
    else echo "DB check (all runs): MISMATCH, $n bench tickets in H2, driver's 201s $TOTAL_CREATED" >> "$SUMMARY"; fi
  fi
fi

{
  echo
  echo "== Linia ticket creation, store $STORE, measured ${MEASURE}s after ${WARMUP}s warm-up per row ($(nproc) cores, driver on the same machine)"
  echo "   cpu columns: % of one core over the measured window (200 = both cores); pg_be = linia_bench backends,"
  echo "   pg_sh = PostgreSQL's shared processes (wal writer, checkpointer, …), others = everything else on the machine;"
  echo "   s_jit = the server's JIT compiler threads (part of server); srv_ms/pg_ms/drv_ms = CPU milliseconds per request"
  cat "$SUMMARY"
  echo "   output: $OUT"
} | tee "$OUT/summary-table.txt"
rm -rf "$WORK"
