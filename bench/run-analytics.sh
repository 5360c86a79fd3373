#!/usr/bin/env bash
# The analytics API over a year of a busy desk on PostgreSQL (io.linia.bench.AnalyticsBenchmark): 1,000,000 tickets
# and their histories written straight into the tables (daily and weekly shape), the rollups rebuilt through the API
# (time printed), then client threads call every series over HTTP with a day, week, month or quarter and filters;
# prints p50/p95/p99 per series and per range (target: p95 <= 300 ms).
#
#   bench/run-analytics.sh --pg jdbc:postgresql://localhost:5432/linia_bench [--tickets 1000000] [--days 365]
#                          [--threads 2] [--seconds 60] [--warmup 15]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
./mvnw -B -o -q test-compile
CP_FILE=target/bench-classpath.txt
if [[ ! -s $CP_FILE || pom.xml -nt $CP_FILE ]]; then
  ./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=$CP_FILE -Dmdep.includeScope=test
fi
mkdir -p bench/out
LOG="bench/out/analytics-$(date +%Y%m%d-%H%M%S).txt"
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx2g} -cp "target/test-classes:target/classes:$(cat $CP_FILE)" io.linia.bench.AnalyticsBenchmark "$@" 2>&1 | tee "$LOG"
echo "output kept in $LOG"
