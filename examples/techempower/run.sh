#!/usr/bin/env bash
# Runs TechEmpower's four database tests against the five implementations of
# examples/techempower and rewrites docs/techempower.md from the results.
#
#   examples/techempower/run.sh [--warmup S] [--duration S] [--rounds N] [--connections 64,256]
#                               [--jit S] [--port 8080] [--no-build] [--report RUN_DIR]
#
# Before measuring, every implementation x test runs for --jit seconds (not recorded, 8 by
# default), so that the first cells do not pay for the JIT compiling what the later ones find
# compiled. With 3 s on a 2-core machine shared with PostgreSQL, the first cells (db at 64
# connections) still ran cold: Toasty over Vert.x at 1,118 requests/s there, 4,814 with 8 s.
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and the project installed
# (mvn -q -B install -DskipTests). Raw results go to target/techempower/run-<time>/.
set -euo pipefail

module=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$module/../.." && pwd)
warmup=5 duration=10 rounds=1 connections=64,256 port=8080 build=1 report="" jit=8
while [ $# -gt 0 ]; do
  case "$1" in
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --jit) jit=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --report) report=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

cd "$root"
if [ "$build" = 1 ]; then
  mvn -q -B -pl examples/techempower package -DskipTests
fi
cp_file="$module/target/classpath.txt"
if [ "$build" = 1 ] || [ ! -f "$cp_file" ]; then
  mvn -q -B -pl examples/techempower dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
fi
classpath="$module/target/classes:$(cat "$cp_file")"

page() {
  java -cp "$classpath" io.toasty.example.techempower.load.TechEmpowerPage "$1" \
    "$root/docs/techempower.md" "$module/page-notes.md"
  echo "wrote docs/techempower.md from $1"
}
if [ -n "$report" ]; then
  page "$report"
  exit 0
fi

out="$module/target/techempower/run-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
app_flags="-Xms1g -Xmx1g"
# shellcheck disable=SC2086
java $app_flags -cp "$classpath" io.toasty.example.techempower.TechEmpowerApplication \
  --server.port="$port" >"$out/app.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$port/raw-vertx/db" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$app" 2>/dev/null; then cat "$out/app.log"; exit 1; fi
  sleep 0.5
done

pg=$(curl -s "http://127.0.0.1:$port/raw-vertx/db" >/dev/null; \
  psql -h 127.0.0.1 -U postgres -d techempower -Atc 'SHOW server_version' 2>/dev/null || echo '?')
{
  echo "started=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg | sed 's/ /, /g')"
  echo "commit=$(git rev-parse --short HEAD)"
  echo "cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "nproc=$(nproc)"
  echo "memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel=Linux $(uname -r)"
  echo "java=$(java -version 2>&1 | head -1 | tr -d '"')"
  echo "postgres=PostgreSQL ${pg%% *}"
  echo "app_flags=$app_flags"
  echo "warmup=$warmup"
  echo "duration=$duration"
  echo "rounds=$rounds"
  echo "queries=20"
  echo "pool_size=10"
  echo "jit=$jit"
} >"$out/run.properties"

java -Xms512m -Xmx512m -cp "$classpath" io.toasty.example.techempower.load.LoadGenerator \
  --port "$port" --warmup "$jit" --duration 0 --connections 64 --queries 20 \
  --out "$out/jit-warmup.csv" >"$out/jit-warmup.log"
java -Xms512m -Xmx512m -cp "$classpath" io.toasty.example.techempower.load.LoadGenerator \
  --port "$port" --warmup "$warmup" --duration "$duration" --rounds "$rounds" \
  --connections "$connections" --queries 20 --out "$out/results.csv" | tee "$out/load.log"

{
  echo "finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg | sed 's/ /, /g')"
} >>"$out/run.properties"
page "$out"
