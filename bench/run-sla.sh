#!/usr/bin/env bash
# The SLA pass over 1,000,000 open tickets on PostgreSQL (io.linia.bench.SlaBenchmark): 1 % of the
# first-response targets past their warning point, half of those past their due time; prints the time
# of that pass and of the next (steady-state) one.
#
#   bench/run-sla.sh --pg jdbc:postgresql://localhost:5432/linia_bench [--tickets 1000000] [--due-percent 1]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
./mvnw -B -o -q test-compile
CP_FILE=target/bench-classpath.txt
if [[ ! -s $CP_FILE || pom.xml -nt $CP_FILE ]]; then
  ./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=$CP_FILE -Dmdep.includeScope=test
fi
mkdir -p bench/out
LOG="bench/out/sla-$(date +%Y%m%d-%H%M%S).txt"
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx2g} -cp "target/test-classes:target/classes:$(cat $CP_FILE)" io.linia.bench.SlaBenchmark "$@" 2>&1 | tee "$LOG"
echo "output kept in $LOG"
