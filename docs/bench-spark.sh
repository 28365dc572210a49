#!/usr/bin/env bash
# The 10M-row Parquet check of docs/bench.sh on both engines, side by side in one run: DuckDB, and
# Spark local[2] with its start-up, binding and scan shown apart. Results: docs/benchmarks.md#spark.
#
# Usage: docs/bench-spark.sh [RUNS]      RUNS: runs per engine, interleaved, default 3; medians
# Environment: BENCH_DATA=folder         the data of docs/bench.sh (generated when missing)
#              SKIP_BUILD=1              use target/ and spark/target/ as they are
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-3}
DATA=${BENCH_DATA:-target/bench-data}
SPEC=src/test/resources/bench/bench-spec.yaml
AT=2026-01-31T00:00:00Z
TIME=/usr/bin/time
LOG=target/bench-spark-log
[[ -x $TIME ]] || { echo "bench-spark.sh needs GNU time at $TIME" >&2; exit 2; }
mkdir -p "$LOG"
: >"$LOG/results.txt"

if [[ -z ${SKIP_BUILD:-} ]]; then
  echo "building target/slo.jar and spark/target/slo-spark.jar ..." >&2
  mvn -B -q install -DskipTests -Dinvoker.skip=true
  mvn -B -q -f spark/pom.xml package -DskipTests
fi
if [[ ! -f $DATA/api.parquet ]]; then
  echo "generating the benchmark data in $DATA (about a minute) ..." >&2
  mvn -B -q -o test-compile >/dev/null
  java -cp "target/slo.jar:target/test-classes" io.slotoolkit.bench.BenchDataGenerator "$DATA"
fi

# run NAME ENGINE_ARGS...: one whole process through the launcher, as a user runs it
run() {
  local name=$1
  shift
  local code=0
  SLO_JAVA_OPTS="-Dslo.spark.timings=true" $TIME -f '%e %M %U %S' -o "$LOG/time.tmp" \
    ./slo check "$SPEC" --source "api=$DATA/api.parquet" --at "$AT" --format json "$@" \
    >"$LOG/$name.out" 2>"$LOG/$name.err" || code=$?
  local t
  t=$(tail -1 "$LOG/time.tmp")
  local session bind scan
  session=$(awk '/slo-spark-timing session/ {print $NF}' "$LOG/$name.err")
  bind=$(awk '/slo-spark-timing bind/ {s += $NF} END {print s + 0}' "$LOG/$name.err")
  scan=$(awk '/slo-spark-timing scan/ {s += $NF} END {print s + 0}' "$LOG/$name.err")
  echo "$name $t $code ${session:-0} $bind $scan" >>"$LOG/results.txt"
}

./slo --version >/dev/null # builds the launcher's class-data archive outside the timings
for i in $(seq "$RUNS"); do
  echo "run $i of $RUNS ..." >&2
  run duckdb
  run spark --engine spark --spark-master 'local[2]'
done

# the two engines' JSON must be the same but for the engine's name
if ! diff <(sed 's/"engine": "spark"/"engine": "duckdb"/' "$LOG/spark.out") "$LOG/duckdb.out" >/dev/null; then
  echo "the engines disagree: diff $LOG/spark.out $LOG/duckdb.out" >&2
  exit 1
fi

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
col() { awk -v n="$1" -v c="$2" '$1 == n {print $c}' "$LOG/results.txt" | median; }
mib() { col "$1" 3 | awk '{printf "%.0f", $1 / 1024}'; }

echo "## slo check, 10M Parquet rows: DuckDB and Spark local[2] ($RUNS runs each, interleaved, medians; $(date -u +%Y-%m-%dT%H:%MZ))"
echo
echo "| engine | wall, s | CPU, s | peak RSS, MiB | Spark session start, s | bind (read schema), s | scan, s |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for e in duckdb spark; do
  cpu=$(awk -v n="$e" '$1 == n {print $4 + $5}' "$LOG/results.txt" | median)
  if [[ $e == spark ]]; then
    echo "| spark | $(col $e 2) | $cpu | $(mib $e) | $(col $e 7) | $(col $e 8) | $(col $e 9) |"
  else
    echo "| duckdb | $(col $e 2) | $cpu | $(mib $e) | - | - | - |"
  fi
done
echo
lib=$(du -sb spark/target/lib | cut -f1)
jar=$(stat -c %s spark/target/slo-spark.jar)
echo "Spark artifact: spark/target/slo-spark.jar $jar bytes; spark/target/lib $(ls spark/target/lib | wc -l) jars, $(awk -v b="$lib" 'BEGIN {printf "%.1f", b / 1e6}') MB. slo jar: $(stat -c %s target/slo.jar) bytes."
echo "Machine: $(nproc) cores, load average (1, 5, 15 min) at the end of the run: $(cut -d' ' -f1-3 /proc/loadavg)."
