#!/usr/bin/env bash
# PostgreSQL's own ceiling for ticket creation on this machine, without Linia: pgbench replays the
# statements of one creation as Linia sends them today (bench/pgbench/current.sql: 2 transactions,
# 12 statements) and the shortest path (bench/pgbench/minimal.sql: 1 transaction, 4 statements).
# Needs the linia_bench schema (run bench/run-create-tickets.sh first); leaves its rows there.
#
#   bench/pg-ceiling.sh [--seconds 20] [--clients "8 32"]
set -euo pipefail
SECS=20
CLIENTS="8 32"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECS="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 64 ;;
  esac
done
DIR="$(cd "$(dirname "$0")" && pwd)"
URL="postgresql://linia:linia@localhost:5432/linia_bench"
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -1)
lead=$(psql "$URL" -Atc "select id from app_user where login = 'lead'")
digest=$(psql "$URL" -Atc "select digest from api_token order by id limit 1")
[[ -n "$lead" ]] || { echo "no linia_bench schema with demo data: run bench/run-create-tickets.sh first" >&2; exit 1; }
analyze() { psql "$URL" -qc "analyze ticket; analyze ticket_message; analyze ticket_history"; }
analyze
echo "pgbench on linia_bench, $(nproc) cores, ${SECS}s per row, load avg $(cut -d' ' -f1 /proc/loadavg)"
printf '%-8s %8s %18s\n' script clients "tickets/s (= tps)"
for script in current minimal; do
  for c in $CLIENTS; do
    out=$("$PGBENCH" -n -M prepared -c "$c" -j 2 -T "$SECS" -D lead="$lead" -D digest="$digest" -f "$DIR/pgbench/$script.sql" "$URL" 2>&1) || { echo "$out" >&2; exit 1; }
    tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
    # pgbench counts one script run as one transaction: one ticket per run
    printf '%-8s %8s %18.0f\n' "$script" "$c" "$tps"
  done
done
echo "(pgbench's tickets stay in linia_bench, subject 'pgbench: …'; the next bench/run-create-tickets.sh resets the database)"
