#!/usr/bin/env bash
# Builds pmp and prints the Foundation benchmark figures:
#  1. JMH: one warm update tick inside the daemon, for catalogs of 0, 105,120 and 525,600 rows;
#  2. wall time and peak RSS of one cold `pmp update` process for the same catalogs.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package
java -jar benchmarks/target/benchmarks.jar UpdateTickBenchmark -rf text -rff benchmarks/target/tick.txt "$@"
java -cp benchmarks/target/benchmarks.jar dev.pmp.bench.ColdUpdateBenchmark app/target/pmp.jar 5
