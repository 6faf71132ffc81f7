#!/usr/bin/env bash
# Prints pmp's performance figures. Usage: bash benchmarks/run.sh [all|tick|cold|parse|lake|ingest|backfill]...
#   tick    JMH: one warm update tick inside the daemon, catalogs of 0 / 105,120 / 525,600 rows
#   cold    a cold `pmp update` process: median wall time and peak RSS, same catalogs
#   parse   JMH, one thread: ERCOT NP6-905 CSV, ERCOT monthly bundle, CAISO all-node RT zip,
#           NYISO monthly zips, Elexon FUELINST/BOD JSON (rows per second)
#   lake    lake sync of 10,000,000 rows from DuckDB to local Parquet (rows per second)
#   ingest  PostgreSQL bulk ingest (COPY + upsert with revision capture) on embedded PostgreSQL
#   backfill  DuckDB store alone on a 2,976,000-row month (insert, unchanged rewrite, all updated), then
#           ERCOT NP6-905-CD month from the simulator's API into DuckDB end to end (rows per second)
# Figures are only meaningful on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."

what=("$@")
if [ ${#what[@]} -eq 0 ] || [ "${what[0]}" = all ]; then
  what=(parse lake ingest tick cold)
fi

./mvnw -B -q install -DskipTests
JAR=benchmarks/target/benchmarks.jar
JMH=(-f 1 -wi 2 -i 3 -w 2s -r 2s -t 1)

for w in "${what[@]}"; do
  echo "== $w"
  case "$w" in
    tick)   java -jar "$JAR" UpdateTickBenchmark "${JMH[@]}" ;;
    cold)   java -cp "$JAR" dev.pmp.bench.ColdUpdateBenchmark app/target/pmp.jar 5 ;;
    parse)  java -jar "$JAR" 'Np6905ParseBenchmark|BundleParseBenchmark|OasisLmpParseBenchmark|MonthlyArchiveParseBenchmark|InsightsParseBenchmark' "${JMH[@]}" ;;
    lake)   java -Xmx4g -cp "$JAR" dev.pmp.bench.LakeSyncBenchmark 10000000 ;;
    ingest)
      ./mvnw -B -q -pl stores/postgres dependency:build-classpath -Dmdep.includeScope=test \
          -Dmdep.outputFile=target/benchmark.classpath >/dev/null
      java -cp "stores/postgres/target/test-classes:stores/postgres/target/classes:$(cat stores/postgres/target/benchmark.classpath)" \
          dev.pmp.store.postgres.PostgresIngestBenchmark 1000000 100000 2>/dev/null | grep -v '^SLF4J' ;;
    backfill)
      java -Xmx4g -cp "$JAR" dev.pmp.bench.ercotapi.BulkWriteBenchmark
      java -Xmx4g -cp "$JAR" dev.pmp.bench.ercotapi.BackfillBenchmark ;;
    *) echo "unknown benchmark $w (all, tick, cold, parse, lake, ingest, backfill)" >&2; exit 64 ;;
  esac
done
