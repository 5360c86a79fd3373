#!/usr/bin/env bash
# Speed of the knowledge base on the real engine (Hibernate Search + Lucene, embedded H2 file store):
# 10,000 articles and 1,000,000 past tickets answered with an article, generated deterministically from
# the rutube knowledge base; prints suggestion and search latency (p50/p95/p99) and index build speed.
#
#   bench/run-knowledge.sh                         # first run generates and indexes (minutes), later runs reuse it
#   bench/run-knowledge.sh --reindex               # measure the mass indexer again
#   bench/run-knowledge.sh --tickets 100000 --data bench/target/kb-small   # a smaller data set elsewhere
#
# Options (io.linia.bench.KnowledgeBenchmark): --data DIR (default bench/target/kb-bench), --articles N (10000),
# --tickets N (1000000), --warmup N (2000 calls), --queries N (5000 measured calls), --direct N (20000 tickets
# indexed directly, removed afterwards), --reindex, --phases direct,suggest,search,categorise (which measurements run;
# generation and the mass indexer run whenever the data is missing), --categorise-tickets N (1000000 generated
# tickets with a category the categoriser is trained on, generated as it reads them), --max-examples N (200000: the
# categoriser's sample, as linia.categorisation.max-examples). JVM options: JAVA_OPTS="-Xmx4g ..." bench/run-knowledge.sh
#
#   bench/run-knowledge.sh --data bench/target/kb-cat --tickets 0 --phases categorise   # categorisation only:
#                                        # 10,000 articles, no past tickets in the database, 1,000,000 generated for training
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
./mvnw -B -o -q test-compile
CP_FILE=target/bench-classpath.txt
if [[ ! -s $CP_FILE || pom.xml -nt $CP_FILE ]]; then
  ./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=$CP_FILE -Dmdep.includeScope=test
fi
mkdir -p bench/out
LOG="bench/out/knowledge-$(date +%Y%m%d-%H%M%S).txt"
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx6g} -cp "target/test-classes:target/classes:$(cat $CP_FILE)" io.linia.bench.KnowledgeBenchmark "$@" 2>&1 | tee "$LOG"
echo "output kept in $LOG"
