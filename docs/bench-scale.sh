#!/usr/bin/env bash
# How the cost of `slo check` grows with the data: 1M, 10M, 50M and 100M Parquet rows, 1M and 10M
# CSV rows; wall time, CPU time and peak RSS, with --at and with the default window end. What it
# measures and how to read it: docs/benchmarks.md#how-cost-grows.
#
# Usage: docs/bench-scale.sh [RUNS]      RUNS: runs per case, default 3; medians are reported
# Environment: BENCH_DATA=folder         the 10M-row data of docs/bench.sh (generated when missing)
#              SCALE_DATA=folder         where the other sizes go; default target/bench-scale
#                                        (about 1.3 GB; deleted at the end unless KEEP_DATA=1)
#              SKIP_BUILD=1              use target/slo.jar and target/test-classes as they are
#              SLO_JAR=path              measure this jar (with DuckDB's native library beside it)
#                                        instead of target/slo.jar, e.g. a copy while you build
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-3}
DATA=${BENCH_DATA:-target/bench-data}
SCALE=${SCALE_DATA:-target/bench-scale}
SPEC=src/test/resources/bench/bench-spec.yaml
AT=2026-01-31T00:00:00Z
JAR=${SLO_JAR:-target/slo.jar}
CP="$JAR:target/test-classes"
TIME=/usr/bin/time
LOG=target/bench-scale-log
RESULTS=$LOG/results.txt

[[ -x $TIME ]] || { echo "bench-scale.sh needs GNU time at $TIME (Debian/Ubuntu: apt-get install time)" >&2; exit 2; }
mkdir -p "$LOG" "$SCALE"
: >"$RESULTS"

if [[ -z ${SKIP_BUILD:-} ]]; then
  echo "building target/slo.jar and the benchmark classes ..." >&2
  mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests
fi
if [[ ! -f $DATA/api.csv || ! -f $DATA/api.parquet ]]; then
  echo "generating the 10M-row data in $DATA ..." >&2
  java -cp "$CP" io.slotoolkit.bench.BenchDataGenerator "$DATA"
fi
if [[ ! -f $SCALE/1m/api.csv || ! -f $SCALE/1m/api.parquet ]]; then
  echo "generating 1M rows in $SCALE/1m ..." >&2
  java -cp "$CP" io.slotoolkit.bench.BenchDataGenerator "$SCALE/1m" 1000000
fi
for n in 50 100; do
  if [[ ! -f $SCALE/${n}m.parquet ]]; then
    echo "writing $SCALE/${n}m.parquet: the 10M rows $((n / 10)) times over ..." >&2
    java -cp "$CP" io.slotoolkit.bench.RepeatedRows "$DATA/api.parquet" "$SCALE/${n}m.parquet" $((n / 10))
  fi
done

# name -> file
declare -A FILE=(
  [parquet-1m]=$SCALE/1m/api.parquet [parquet-10m]=$DATA/api.parquet
  [parquet-50m]=$SCALE/50m.parquet [parquet-100m]=$SCALE/100m.parquet
  [csv-1m]=$SCALE/1m/api.csv [csv-10m]=$DATA/api.csv
)
CASES=(parquet-1m parquet-10m parquet-50m parquet-100m csv-1m csv-10m)

measure() {
  local name=$1
  shift
  local code=0
  $TIME -f '%e %M %U %S' -o "$LOG/time.tmp" "$@" >"$LOG/$name.out" 2>"$LOG/$name.err" || code=$?
  local ok=no
  [[ $code == 0 || $code == 1 ]] && ok=yes
  echo "$name $(tail -1 "$LOG/time.tmp") $code $ok" >>"$RESULTS"
}

JVM=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xlog:cds*=off)
# a class-data archive of its own, written as the launcher writes target/slo.jsa (so that a run of
# docs/bench.sh at the same time keeps its own)
rm -f "$LOG/slo.jsa"
docs/cds-archive.sh --slo "$LOG/slo.jsa" "$JAR"
SLO=("${JVM[@]}" -XX:SharedArchiveFile="$LOG/slo.jsa" -jar "$JAR")

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for run in $(seq "$RUNS"); do
  for c in "${CASES[@]}"; do
    echo "run $run/$RUNS: $c ..." >&2
    cat "${FILE[$c]}" >/dev/null
    measure "$c-at" "${SLO[@]}" check "$SPEC" --source "api=${FILE[$c]}" --at "$AT" --format json --output /dev/null
    measure "$c-default" "${SLO[@]}" check "$SPEC" --source "api=${FILE[$c]}" --format json --output /dev/null
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

values() {
  awk -v n="$1" -v f="$2" '$1 == n { print (f == "wall" ? $2 : f == "kib" ? $3 : $4 + $5) }' "$RESULTS" | sort -n
}
median() {
  values "$1" "$2" | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
failed() { awk -v n="$1" '$1 == n && $7 != "yes" { print $6; exit }' "$RESULTS"; }
fig() {
  local f; f=$(failed "$1"); [[ -n $f ]] && { echo "failed (exit $f) | - | -"; return; }
  echo "$(median "$1" wall) | $(median "$1" cpu | awk '{ printf "%.2f", $1 }') | $(median "$1" kib | awk '{ printf "%.0f", $1 / 1024 }')"
}

echo
echo "## How cost grows ($RUNS runs each, medians; $(date -u +%Y-%m-%dT%H:%MZ))"
echo
echo "Machine: $(nproc) cores, $(free -h | awk '/^Mem:/ { print $2 }') RAM. Load average before: $load_before; after: $load_after."
echo
echo "| data | rows | file, MiB | --at: wall, s | CPU, s | peak RSS, MiB | default window end: wall, s | CPU, s | peak RSS, MiB |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for c in "${CASES[@]}"; do
  rows=${c#*-}
  echo "| ${c%-*} | ${rows^^} | $(du -m "${FILE[$c]}" | cut -f1) | $(fig "$c-at") | $(fig "$c-default") |"
done
echo
echo "Raw figures: $RESULTS (name, wall s, peak KiB, user s, sys s, exit code, ok)."
if [[ -z ${KEEP_DATA:-} ]]; then
  rm -rf "$SCALE"
  echo "Deleted $SCALE (KEEP_DATA=1 keeps it)."
fi
