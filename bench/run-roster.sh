#!/usr/bin/env bash
# The roster solver on a synthetic desk like the seed's (io.linia.bench.RosterBenchmark): agents × weeks, solved in the
# background with the progress polled every second; prints the score, the solving time and what the explanation says.
# No database, no server.
#
#   bench/run-roster.sh [--agents 50] [--weeks 4] [--seconds 30] [--unimproved S] [--seed 1]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
./mvnw -B -o -q test-compile
CP_FILE=target/bench-classpath.txt
if [[ ! -s $CP_FILE || pom.xml -nt $CP_FILE ]]; then
  ./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=$CP_FILE -Dmdep.includeScope=test
fi
mkdir -p bench/out
LOG="bench/out/roster-$(date +%Y%m%d-%H%M%S).txt"
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx2g} -cp "target/test-classes:target/classes:$(cat $CP_FILE)" io.linia.bench.RosterBenchmark "$@" 2>&1 | tee "$LOG"
echo "output kept in $LOG"
