#!/usr/bin/env bash
# The workforce arithmetic's speed (io.linia.bench.ForecastBenchmark): a 6-week forecast from a year of hourly
# history, a backtest of that year, Erlang C per forecast hour; then the backtest MAPE table over synthetic desks.
# No database, no server.
#
#   bench/run-forecast.sh [--runs 20] [--warmup 5] [--seeds 5]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
./mvnw -B -o -q test-compile
CP_FILE=target/bench-classpath.txt
if [[ ! -s $CP_FILE || pom.xml -nt $CP_FILE ]]; then
  ./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=$CP_FILE -Dmdep.includeScope=test
fi
mkdir -p bench/out
LOG="bench/out/forecast-$(date +%Y%m%d-%H%M%S).txt"
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx1g} -cp "target/test-classes:target/classes:$(cat $CP_FILE)" io.linia.bench.ForecastBenchmark "$@" 2>&1 | tee "$LOG"
echo "output kept in $LOG"
