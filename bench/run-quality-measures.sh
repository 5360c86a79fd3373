#!/usr/bin/env bash
# The quality measures API over a year of a busy desk on PostgreSQL (io.linia.bench.QualityMeasuresBenchmark):
# 1,000,000 tickets, their histories with agents as actors, rating requests and ratings, SLA outcomes and reviews written
# straight into the tables, the measures' facts and day cells rebuilt from scratch (time printed), then client threads
# call GET /api/v1/quality/measures?by=agent|group&id=... for a month or a quarter; prints p50/p95/p99 per query
# (target: p95 <= 300 ms).
#
#   bench/run-quality-measures.sh --pg jdbc:postgresql://localhost:5432/linia_bench_qmeasures [--schema qbench] [--tickets 1000000]
#                                 [--days 365] [--threads 2] [--seconds 60] [--warmup 15]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
./mvnw -B -o -q test-compile
CP_FILE=target/bench-classpath.txt
if [[ ! -s $CP_FILE || pom.xml -nt $CP_FILE ]]; then
  ./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=$CP_FILE -Dmdep.includeScope=test
fi
mkdir -p bench/out
LOG="bench/out/quality-measures-$(date +%Y%m%d-%H%M%S).txt"
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx2g} -cp "target/test-classes:target/classes:$(cat $CP_FILE)" io.linia.bench.QualityMeasuresBenchmark "$@" 2>&1 | tee "$LOG"
echo "output kept in $LOG"
