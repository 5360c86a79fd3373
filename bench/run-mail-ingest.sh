#!/usr/bin/env bash
# Ingest speed of the e-mail channel: an IMAP mailbox holding 20,000 generated Russian mails (UTF-8,
# KOI8-R, windows-1251, HTML alternatives, attachments, replies, auto-replies) read by Linia in one pass —
# fetched, parsed, threaded, stored, categorised, marked processed on the server. Prints mails per second.
#
# The IMAP server is a private Dovecot (apt-get install -y dovecot-imapd; started here on port 10143 with
# its Maildir under bench/target/dovecot, stopped at the end), or GreenMail inside the benchmark's JVM
# when Dovecot is not installed or --greenmail is given (GreenMail's message-number lookups are linear
# per message, so it is the bottleneck from a few thousand mails on; see bench/README.md).
#
#   bench/run-mail-ingest.sh                                    # embedded H2 file store (bench/target/mail-bench)
#   bench/run-mail-ingest.sh --pg jdbc:postgresql://localhost:5432/linia_bench   # PostgreSQL (emptied first; user linia/linia)
#   bench/run-mail-ingest.sh --mails 5000 --batch 100
#
# Options (io.linia.bench.MailIngestBenchmark): --mails N (20000), --batch N (linia.mail.batch-size, 20),
# --pg URL, --data DIR. JVM options: JAVA_OPTS="-Xmx2g" bench/run-mail-ingest.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
./mvnw -B -o -q test-compile
CP_FILE=target/bench-classpath.txt
if [[ ! -s $CP_FILE || pom.xml -nt $CP_FILE ]]; then
  ./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=$CP_FILE -Dmdep.includeScope=test
fi
ARGS=()
GREENMAIL=0
for a in "$@"; do
  if [[ $a == --greenmail ]]; then GREENMAIL=1; else ARGS+=("$a"); fi
done
DOVECOT_PID=
if [[ $GREENMAIL == 0 ]] && command -v dovecot >/dev/null; then
  DIR="$ROOT/bench/target/dovecot"
  PORT=10143
  [[ -f $DIR/run/master.pid ]] && kill "$(cat "$DIR/run/master.pid")" 2>/dev/null && sleep 1 || true
  rm -rf "$DIR"
  mkdir -p "$DIR/run" "$DIR/state" "$DIR/home/support/Maildir/"{new,cur,tmp}
  chmod -R 777 "$DIR/home"
  echo "support:{PLAIN}secret" > "$DIR/passwd"
  sed -e "s#@DIR@#$DIR#g" -e "s#@PORT@#$PORT#g" bench/dovecot/dovecot.conf.template > "$DIR/dovecot.conf"
  dovecot -c "$DIR/dovecot.conf"
  trap 'kill "$(cat "$DIR/run/master.pid")" 2>/dev/null || true' EXIT
  ARGS+=(--maildir "$DIR/home/support/Maildir" --imap-port "$PORT")
fi
mkdir -p bench/out
LOG="bench/out/mail-ingest-$(date +%Y%m%d-%H%M%S).txt"
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx2g} -cp "target/test-classes:target/classes:$(cat $CP_FILE)" io.linia.bench.MailIngestBenchmark "${ARGS[@]}" 2>&1 | tee "$LOG"
echo "output kept in $LOG"
