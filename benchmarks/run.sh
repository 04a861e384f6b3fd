#!/usr/bin/env bash
# Runs the JMH suites and writes docs/benchmarks.md (from the repository's root or anywhere).
#
#   benchmarks/run.sh                 full mode: TOOLCHAIN.md's settings (warmup 15 x 2 s,
#                                     measurement 5 x 2 s, 10 x 2 s for PostgreSQL writes,
#                                     1 fork, -Xms2g -Xmx2g); about an hour on 2 cores
#   benchmarks/run.sh --quick         quick mode (warmup 2 x 1 s, measurement 3 x 1 s):
#                                     under 10 minutes on 2 cores; proves the pipeline
#   options: --db h2,postgres,postgres-vertx,dynamo,neo4j (default: all but neo4j and
#            postgres-vertx, Toasty over its Vert.x transport)  --only REGEX
#            --results DIR  --out FILE
#            --rounds N (each group N times, implementations reversed every other round)
#            --short (warmup 12 x 2 s, measurement 5 x 1 s: for --rounds 3 of a few workloads)
#            --param subscribers=64 (JMH parameters replacing a suite's own)
#            --groups REGEX (only the groups whose name matches, e.g. 'postgres-.*')
#   benchmarks/run.sh --report DIR    rewrites the page from a finished run's results
#   benchmarks/run.sh --profile       profiles get-by-key and the 100-row list through Toasty
#                                     on H2 (-prof gc, -prof stack, JFR) into
#                                     benchmarks/target/profile/
#
# Results (JMH JSON and logs, run.json) go to benchmarks/target/results/<mode>-<time>/.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B -pl benchmarks package -DskipTests
CP="benchmarks/target/classes:benchmarks/target/lib/*"

if [[ "${1:-}" == "--profile" ]]; then
  out=benchmarks/target/profile
  mkdir -p "$out"
  for bench in get filterHundred; do
    java -cp "$CP" org.openjdk.jmh.Main "ReadBench\.${bench}\$" -p db=h2 -p impl=toasty,raw \
      -wi 10 -w 2s -i 5 -r 2s -f 1 -jvmArgs "-Xms2g -Xmx2g" \
      -prof gc -prof "stack:lines=8;top=25;detailLine=true" \
      -rf json -rff "$out/$bench-gc-stack.json" | tee "$out/$bench-gc-stack.txt"
    java -cp "$CP" org.openjdk.jmh.Main "ReadBench\.${bench}\$" -p db=h2 -p impl=toasty \
      -wi 10 -w 2s -i 5 -r 2s -f 1 \
      -jvmArgs "-Xms2g -Xmx2g -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -XX:StartFlightRecording=filename=$out/$bench-toasty.jfr,settings=profile" \
      | tee "$out/$bench-jfr.txt"
    jfr print --events jdk.ExecutionSample "$out/$bench-toasty.jfr" > "$out/$bench-toasty-samples.txt" || true
  done
  echo "profiles in $out"
  exit 0
fi

exec java -Xmx1g -cp "$CP" io.toasty.bench.Main "$@"
